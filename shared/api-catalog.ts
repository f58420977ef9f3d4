/**
 * The team API endpoints the workbench knows, each with the scope it needs. Only what
 * ../shared/docs/celonis-facts.md ("API endpoints by scope") lists: where no public endpoint is
 * known for a scope, none is listed here.
 */
export type Confidence = 'high' | 'medium' | 'low';

export interface ApiEndpoint {
  id: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path with `{param}` placeholders. */
  path: string;
  pathParams: string[];
  /** Query string a preset fills in (without `?`); empty for none. */
  query: string;
  /** The scope the endpoint needs; null for the key check that needs none. */
  scope: string | null;
  description: string;
  confidence: Confidence;
  source: string;
}

const FACTS = 'celonis-facts.md, API endpoints by scope';

function e(
  id: string,
  method: ApiEndpoint['method'],
  pathAndQuery: string,
  scope: string | null,
  description: string,
  confidence: Confidence,
): ApiEndpoint {
  const [path = '', query = ''] = pathAndQuery.split('?');
  const pathParams = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] ?? '');
  return { id, method, path, pathParams, query, scope, description, confidence, source: FACTS };
}

export const apiCatalog: readonly ApiEndpoint[] = [
  e(
    'audit-v1',
    'GET',
    '/log/api/external/audit?pageNumber=0&pageSize=200',
    'audit.log:read',
    'Audit log events (v1, paged; add from and to)',
    'high',
  ),
  e(
    'audit-v2',
    'GET',
    '/log/api/external/v2/audit',
    'audit.log:read',
    'Audit log events (v2, cursor pageToken)',
    'high',
  ),
  e(
    'login-history',
    'GET',
    '/api/external/authentication-events?pageNumber=0&pageSize=50',
    'team.login-history:read',
    'Login history of the team',
    'high',
  ),
  e(
    'members',
    'GET',
    '/api/external/members?pageNumber=0&pageSize=50',
    'team.user-group-info:read',
    'Members, groups and roles',
    'high',
  ),
  e(
    'permissions',
    'GET',
    '/api/authorization/external/permissions',
    'authorization.permissions:read',
    'All team permissions',
    'high',
  ),
  e(
    'adoption-events',
    'GET',
    '/platform-adoption/api/external/v2/adoption-tracking-events/{STUDIO_ASSET}',
    'platform-adoption.tracking-events:read',
    'Usage and adoption events for one asset type',
    'high',
  ),
  e(
    'scim-users',
    'GET',
    '/scim/v2/Users',
    'user-provisioning.scim',
    'SCIM users (documents disagree on the prefix)',
    'medium',
  ),
  e(
    'scim-groups',
    'GET',
    '/scim/v2/Groups',
    'user-provisioning.scim',
    'SCIM groups (documents disagree on the prefix)',
    'medium',
  ),
  e(
    'km-list',
    'GET',
    '/intelligence/api/knowledge-models',
    'intelligence.knowledge-models:read',
    'Knowledge models',
    'high',
  ),
  e(
    'km-one',
    'GET',
    '/intelligence/api/knowledge-models/{km}',
    'intelligence.knowledge-models:read',
    'One knowledge model',
    'high',
  ),
  e(
    'km-records',
    'GET',
    '/intelligence/api/knowledge-models/{km}/records',
    'intelligence.knowledge-models:read',
    'Records of a knowledge model',
    'high',
  ),
  e(
    'km-triggers',
    'GET',
    '/intelligence/api/knowledge-models/{km}/triggers',
    'intelligence.subscriptions:manage',
    'Triggers of a knowledge model',
    'high',
  ),
  e(
    'km-subscribe',
    'POST',
    '/intelligence/api/knowledge-models/{km}/triggers/{t}/subscriptions',
    'intelligence.subscriptions:manage',
    'Subscribe to a trigger',
    'high',
  ),
  e(
    'subscription-get',
    'GET',
    '/intelligence/api/subscriptions/{id}',
    'intelligence.subscriptions:manage',
    'One event subscription',
    'high',
  ),
  e(
    'subscription-put',
    'PUT',
    '/intelligence/api/subscriptions/{id}',
    'intelligence.subscriptions:manage',
    'Change an event subscription',
    'high',
  ),
  e(
    'subscription-delete',
    'DELETE',
    '/intelligence/api/subscriptions/{id}',
    'intelligence.subscriptions:manage',
    'Delete an event subscription',
    'high',
  ),
  e(
    'agent-conversation',
    'POST',
    '/intelligence/api/ai/agents/{agent}/conversations',
    'intelligence.conversations:write',
    'Chat with a copilot or agent',
    'medium',
  ),
  e(
    'mcp-asset',
    'POST',
    '/studio-copilot/api/v1/mcp-servers/mcp/{asset}',
    'mcp-asset.tools:execute',
    'MCP asset tools',
    'high',
  ),
  e(
    'pools',
    'GET',
    '/integration/api/pools/paged?limit=20&page=0',
    'integration.data-pools',
    'Data pools (paged)',
    'high',
  ),
  e(
    'data-job-execute',
    'POST',
    '/integration/api/v2/data-pools/{pool}/data-jobs/{job}/execute?mode=FULL',
    'integration.data-pools',
    'Execute a data job',
    'high',
  ),
  e(
    'data-push-create',
    'POST',
    '/integration/api/v1/data-push/{pool}/jobs/',
    'integration.data-pools:data_push',
    'Create a Data Push job',
    'high',
  ),
  e(
    'data-push-list',
    'GET',
    '/integration/api/v1/data-push/{pool}/jobs/',
    'integration.data-pools:data_push',
    'Data Push jobs',
    'high',
  ),
  e(
    'skills-import',
    'POST',
    '/action-engine/api/projects/{project}/skills/import-file',
    'action-engine.projects',
    'Push skills to a project',
    'high',
  ),
  e(
    'space',
    'GET',
    '/package-manager/api/spaces/{id}',
    'package-manager',
    'One space (packages)',
    'medium',
  ),
  e(
    'buckets',
    'GET',
    '/storage-manager/api/buckets?feature=SFTP',
    'storage-manager.buckets',
    'SFTP buckets',
    'medium',
  ),
  e(
    'team',
    'GET',
    '/api/cloud/team',
    null,
    'The team behind a key (used by the CLI to validate API keys)',
    'medium',
  ),
];

function pathPattern(path: string): RegExp {
  const escaped = path
    .split(/\{[^}]+\}/)
    .map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))
    .join('[^/]+');
  return new RegExp(`^${escaped.replace(/\/$/, '')}/?$`);
}

const patterns = apiCatalog.map((entry) => ({ entry, re: pathPattern(entry.path) }));

/** The catalog endpoint a request path matches (method first, then any method); null if none. */
export function findEndpoint(pathname: string, method?: string): ApiEndpoint | null {
  const hits = patterns.filter((p) => p.re.test(pathname)).map((p) => p.entry);
  return hits.find((h) => h.method === method) ?? hits[0] ?? null;
}

/** The presets grouped by the scope they need, in catalog order. */
export function endpointsByScope(): { scope: string; endpoints: ApiEndpoint[] }[] {
  const groups = new Map<string, ApiEndpoint[]>();
  for (const entry of apiCatalog) {
    const key = entry.scope ?? '(no scope: key check)';
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  return [...groups].map(([scope, endpoints]) => ({ scope, endpoints }));
}
