/**
 * The Celonis Platform scope catalog, as listed in the platform's guide
 * "Registering your OAuth client in the Celonis Platform" (OAuth scopes table).
 * Descriptions and details are the platform's own words.
 */
export interface ScopeEntry {
  scope: string;
  description: string;
  details?: string;
}

export interface ScopeGroup {
  group: string;
  scopes: ScopeEntry[];
}

export const scopeCatalog: readonly ScopeGroup[] = [
  {
    group: 'Action engine',
    scopes: [
      {
        scope: 'action-engine.projects',
        description: 'Gives access to projects based on granted permissions.',
        details:
          'Gives access to Action Engine resources via the content-cli to Push and pull action-engine skills',
      },
    ],
  },
  {
    group: 'Audit',
    scopes: [
      {
        scope: 'audit.log:read',
        description: 'Gives read-only access audit logs based on granted permissions.',
        details:
          'Gives read-only access to the Audit Log API. Can be used to export Audit Log events back into a Celonis Studio view or other tool for analysis or risk assessment needs.',
      },
    ],
  },
  {
    group: 'Authorization',
    scopes: [
      {
        scope: 'authorization.permissions:read',
        description: 'Gives access to read permissions based on granted permissions.',
      },
    ],
  },
  {
    group: 'Integration',
    scopes: [
      {
        scope: 'integration.data-models:read',
        description: 'Gives read-only access to data models based on granted permissions.',
      },
      {
        scope: 'integration.data-pools',
        description: 'Gives access to data pools based on granted permissions.',
        details: 'Gives access to integration resources (data pools and data jobs APIs).',
      },
      {
        scope: 'integration.data-pools:continuous_data_push',
        description:
          'Gives access to continuously push data to data pools based on granted permissions.',
        details: 'Gives access to the Continuous Data Push API.',
      },
      {
        scope: 'integration.data-pools:data_push',
        description: 'Gives access to push data to data pools based on granted permissions.',
        details: 'Gives access to the Data Push API.',
      },
      {
        scope: 'integration.data-pools:query',
        description: 'Gives access to querying Data Pools based on granted permissions.',
      },
      {
        scope: 'integration.data-pools:read',
        description: 'Gives read-only access to data pools based on granted permissions.',
      },
    ],
  },
  {
    group: 'Intelligence API',
    scopes: [
      {
        scope: 'intelligence.conversations:write',
        description:
          'Gives access to the Studio Process Copilot conversational API based on the granted permissions.',
        details:
          'Gives access to the Chat API. This is an API to interact with a Process Copilot built in Celonis. Can also be used to provide access to the Process Copilot Asset from both Action Flows and Orchestration Engine.',
      },
      {
        scope: 'intelligence.knowledge-models:read',
        description:
          'Gives read-only access to knowledge models and their data, filters, records, KPIs, OData metadata, specs, and triggers based on granted permissions.',
        details:
          'Gives you access to Knowledge Model API - Query knowledge-model data and metadata.',
      },
      {
        scope: 'intelligence.subscriptions:manage',
        description:
          'Allows managing subscriptions to knowledge-model triggers, including creation, updates, and event replay, based on granted permissions.',
        details:
          'Event Subscription API - discover business triggers, subscribe to them, manage event subscriptions and emit spontaneous events.',
      },
    ],
  },
  {
    group: 'Machine Learning',
    scopes: [
      {
        scope: 'machine-learning',
        description:
          'Gives access to the Machine Learning Workbench API based on the granted permissions.',
        details: 'Gives access to the Machine Learning Workbench API.',
      },
    ],
  },
  {
    group: 'MCP',
    scopes: [
      {
        scope: 'mcp-asset.tools:execute',
        description: 'Allows executing MCP Server Asset Tools, based on granted permissions.',
      },
    ],
  },
  {
    group: 'On-prem clients',
    scopes: [
      {
        scope: 'on-prem-client',
        description: 'Gives access to on-premise client based on granted permissions.',
      },
    ],
  },
  {
    group: 'Orchestration Engine',
    scopes: [
      {
        scope: 'orchestration-engine',
        description:
          'Gives access to Process Orchestration and Forms based on granted permissions.',
      },
    ],
  },
  {
    group: 'Package manager',
    scopes: [
      {
        scope: 'package-manager',
        description: 'Gives access to package manager based on granted permissions.',
      },
    ],
  },
  {
    group: 'Platform adoption',
    scopes: [
      {
        scope: 'platform-adoption.tracking-events:read',
        description:
          'Gives read-only access to platform-adoption tracking-events based on granted permissions.',
        details:
          'Gives read-only access to the Platform Adoption API - to export user access data for Studio and Apps in order to better understand usage and adoption of packages and views.',
      },
    ],
  },
  {
    group: 'Storage manager',
    scopes: [
      {
        scope: 'storage-manager.buckets',
        description: 'Gives access to storage-manager buckets based on granted permissions.',
        details: 'Gives access to the SFTP Storage Manager API.',
      },
    ],
  },
  {
    group: 'Studio',
    scopes: [
      {
        scope: 'knowledge-models.augmented-attributes:update',
        description:
          'Gives access to update Augmented Attributes data based on granted permissions.',
        details: 'Gives access to the Studio resources.',
      },
      {
        scope: 'knowledge-models:query',
        description:
          'Gives access to running queries on a Knowledge Model based on granted permissions.',
      },
      {
        scope: 'knowledge-models:read',
        description: 'Gives read-only access to Knowledge Models based on granted permissions.',
      },
      {
        scope: 'skills:execute',
        description: 'Gives access to executing Skills based on granted permissions.',
      },
      {
        scope: 'skills:read',
        description: 'Gives access to reading Skills data based on granted permissions.',
      },
      { scope: 'studio', description: 'Gives access to studio based on granted permissions.' },
      {
        scope: 'studio.packages:read',
        description: 'Gives read-only access to studio packages based on granted permissions.',
      },
      {
        scope: 'tasks:read',
        description: 'Gives access to reading Tasks data based on granted permissions.',
      },
      {
        scope: 'tasks:update',
        description: 'Gives access to updating Tasks data based on granted permissions.',
      },
      {
        scope: 'triggers:manage',
        description:
          'Gives access to managing trigger subscriptions to data changes based on granted permissions.',
      },
      {
        scope: 'triggers:read',
        description: 'Gives read-only access to triggers based on granted permissions.',
      },
    ],
  },
  {
    group: 'Task Mining',
    scopes: [
      {
        scope: 'task-mining.clients:suspend',
        description: 'Allows suspending the data capturing of Task Mining clients.',
      },
      {
        scope: 'task-mining.gateway',
        description: 'Gives access to Task Mining Gateway integration API.',
      },
      {
        scope: 'task-mining.metadata:read',
        description: 'Gives read-only access to Task Mining user metadata.',
      },
    ],
  },
  {
    group: 'Team',
    scopes: [
      {
        scope: 'team.user-group-info:read',
        description:
          'Gives read-only access to team user and group information based on granted permissions.',
        details:
          'Gives read-only access to the User Group Info API to export data that returns all user and group details within a team to better understand users, the roles they have and the groups they are part of.',
      },
      {
        scope: 'team.login-history:read',
        description: 'Gives read-only access to team login history based on granted permissions.',
        details:
          'Gives read-only access to the Team Login History API to export user login data for the whole team in order to better understand who accesses the team the most or least.',
      },
    ],
  },
  {
    group: 'User provisioning',
    scopes: [
      {
        scope: 'user-provisioning.scim',
        description: 'Gives access to the SCIM API based on granted permissions.',
        details:
          'Gives access to the SCIM API to automate the provisioning of Users, Groups and Roles with the active directory.',
      },
    ],
  },
];

export const allCatalogScopes: readonly string[] = scopeCatalog.flatMap((g) =>
  g.scopes.map((s) => s.scope),
);

export function isCatalogScope(scope: string): boolean {
  return allCatalogScopes.includes(scope);
}
