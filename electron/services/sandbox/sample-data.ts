// Invented, obviously fake data for the sandbox's sample APIs. Shapes are plausible, not the
// platform's documented schemas. Addresses use example.com and documentation IP ranges.

export interface Member {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  role: 'ADMIN' | 'MEMBER' | 'ANALYST' | 'VIEWER';
  groups: string[];
  active: boolean;
}

export const members: readonly Member[] = [
  member('u-0001', 'ada', 'Ada', 'Lovelace', 'ADMIN', ['Admins', 'Process analysts']),
  member('u-0002', 'grace', 'Grace', 'Hopper', 'ANALYST', ['Process analysts']),
  member('u-0003', 'alan', 'Alan', 'Turing', 'MEMBER', ['Data engineers']),
  member('u-0004', 'katherine', 'Katherine', 'Johnson', 'ANALYST', ['Process analysts']),
  member('u-0005', 'edsger', 'Edsger', 'Dijkstra', 'VIEWER', ['Viewers']),
  member('u-0006', 'barbara', 'Barbara', 'Liskov', 'MEMBER', ['Data engineers']),
  member('u-0007', 'tim', 'Tim', 'Berners-Lee', 'VIEWER', ['Viewers'], false),
];

function member(
  id: string,
  name: string,
  firstName: string,
  lastName: string,
  role: Member['role'],
  groups: string[],
  active = true,
): Member {
  return { id, email: `${name}@example.com`, firstName, lastName, role, groups, active };
}

export const authenticationEvents = [
  loginEvent('ae-1001', 'ada@example.com', 'LOGIN_SUCCESS', '2025-03-03T08:02:11Z', 'SSO'),
  loginEvent('ae-1002', 'grace@example.com', 'LOGIN_SUCCESS', '2025-03-03T08:15:40Z', 'SSO'),
  loginEvent('ae-1003', 'alan@example.com', 'LOGIN_FAILED', '2025-03-03T09:01:05Z', 'PASSWORD'),
  loginEvent('ae-1004', 'alan@example.com', 'LOGIN_SUCCESS', '2025-03-03T09:01:38Z', 'PASSWORD'),
  loginEvent('ae-1005', 'ada@example.com', 'LOGOUT', '2025-03-03T17:45:00Z', 'SSO'),
];

function loginEvent(
  id: string,
  userEmail: string,
  eventType: 'LOGIN_SUCCESS' | 'LOGIN_FAILED' | 'LOGOUT',
  timestamp: string,
  authenticationMethod: 'SSO' | 'PASSWORD',
) {
  const host = Number(id.slice(-1)) + 10;
  return {
    id,
    userEmail,
    eventType,
    timestamp,
    authenticationMethod,
    ipAddress: `192.0.2.${host}`,
  };
}

export const auditEvents = [
  auditEvent('au-2001', '2025-03-03T08:05:00Z', 'ada@example.com', 'MEMBER_INVITED', {
    type: 'USER',
    name: 'barbara@example.com',
  }),
  auditEvent('au-2002', '2025-03-03T08:20:12Z', 'grace@example.com', 'PACKAGE_PUBLISHED', {
    type: 'PACKAGE',
    name: 'Order to cash (sample)',
  }),
  auditEvent('au-2003', '2025-03-03T10:31:47Z', 'ada@example.com', 'OAUTH_CLIENT_CREATED', {
    type: 'APPLICATION',
    name: 'Token Workbench (sample)',
  }),
  auditEvent('au-2004', '2025-03-03T11:02:09Z', 'alan@example.com', 'DATA_JOB_EXECUTED', {
    type: 'DATA_JOB',
    name: 'Nightly extraction (sample)',
  }),
];

function auditEvent(
  id: string,
  timestamp: string,
  actor: string,
  action: string,
  resource: { type: string; name: string },
) {
  return { id, timestamp, actor: { email: actor }, action, resource, outcome: 'SUCCESS' };
}

export const knowledgeModels = [
  { id: 'km-o2c', key: 'o2c-sample', name: 'Order to cash (sample)', packageKey: 'o2c-sample' },
  { id: 'km-p2p', key: 'p2p-sample', name: 'Purchase to pay (sample)', packageKey: 'p2p-sample' },
  { id: 'km-ap', key: 'ap-sample', name: 'Accounts payable (sample)', packageKey: 'ap-sample' },
];

export const buckets = [
  {
    id: 'b-01',
    name: 'sample-sftp-inbound',
    features: ['SFTP'],
    createdAt: '2025-01-15T09:00:00Z',
  },
  {
    id: 'b-02',
    name: 'sample-sftp-archive',
    features: ['SFTP'],
    createdAt: '2025-02-01T12:30:00Z',
  },
];

export function team(url: string) {
  return {
    id: 'sandbox-team-0001',
    name: 'Sandbox team',
    domain: 'sandbox',
    cluster: 'local',
    url,
    sandbox: true,
  };
}
