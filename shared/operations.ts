/**
 * Operation names only (no schemas), so the preload script can list them without bundling zod.
 * The IPC channel of an operation is `workbench:<name>`; the RPC path is `/rpc/<name>`.
 */
export const operationNames = [
  'getAppInfo',
  'listProfiles',
  'saveProfile',
  'deleteProfile',
  'createSandboxProfile',
  'getToken',
  'getCurrentToken',
  'sendRequest',
  'cancelRequest',
  'updateSettings',
  'getDiscovery',
  'startAuthorization',
  'completeAuthorization',
  'refreshToken',
  'startDeviceAuthorization',
  'pollDeviceAuthorization',
  'probeAuthMethods',
  'probeScope',
  'exportProfiles',
  'importProfiles',
  'duplicateProfile',
  'renameProfile',
  'restoreProfile',
  'revealSecret',
  'regenerateSecret',
  'resendTokenCall',
  'listHistory',
  'getHistoryEntry',
  'clearHistory',
  'copyAsCurl',
  'getBodyPage',
  'searchBody',
  'saveResponse',
  'getApiKeyStatus',
  'setApiKey',
  'runClientCheck',
  'getClientCheck',
  'listClientChecks',
  'exportClientCheckReport',
  'verifyTokenSignature',
  'getWorkspaceState',
  'saveWorkspaceState',
  'listSavedRequests',
  'getSavedRequest',
  'saveRequest',
  'duplicateRequest',
  'renameRequest',
  'deleteRequest',
  'restoreRequest',
  'saveRequestDraft',
  'getRequestDraft',
  'deleteRequestDraft',
  'saveResponseAs',
] as const;

export type OperationName = (typeof operationNames)[number];

export function ipcChannel(name: OperationName): string {
  return `workbench:${name}`;
}

export function isOperationName(value: string): value is OperationName {
  return (operationNames as readonly string[]).includes(value);
}

/** The browser host serves operation `<name>` at `POST /rpc/<name>`; so does the RPC client call it. */
export const RPC_PREFIX = '/rpc/';

export function rpcPath(name: OperationName): string {
  return `${RPC_PREFIX}${name}`;
}

/**
 * The browser host also serves every operation over one WebSocket at this path: a call there
 * costs the page about a third of a `POST /rpc/<name>` (measured in Chromium). The page sends
 * the launch key as its first message (never in the URL), then calls as `{ id, op, input }`
 * and gets `{ id, envelope }` back; see electron/browser-host/rpc-socket.ts.
 */
export const RPC_SOCKET_PATH = '/rpc-socket';

/** Calls larger than this (JSON characters) go over `POST /rpc/<name>`, which answers 413. */
export const RPC_SOCKET_MESSAGE_MAX = 1024 * 1024;

/** Calls one socket runs at once; the page posts any more, the host answers them "busy". */
export const RPC_SOCKET_MAX_IN_FLIGHT = 64;

/** The header that carries the launch key: the RPC client sends it, the browser host checks it. */
export const LAUNCH_KEY_HEADER = 'x-workbench-key';
