/**
 * The one contract between the renderer and the main process. Every operation has a name, a zod
 * schema for its input (unknown keys rejected) and a result type. Both hosts (Electron IPC and the
 * browser host's RPC) serve exactly these operations; nothing else defines a channel.
 */
import { z } from 'zod';
import { profileFieldsSchema } from './profile-schema';
import { settingsPatchSchema } from './settings';
import type { ImportResult } from './profile-transfer';
import { type TabsState } from './workspace-tabs';
import { tabsStateSchema } from './workspace-tabs-schema';
import type { ProfileView } from './profile';
import type { ApiResult, AppInfo, Settings, TokenResult, TokenView } from './results';
import type { OperationName } from './operations';
import type { ClientCheckListItem, ClientCheckResult } from './client-check/check-types';
import type { JwtCheck } from './client-check/jwt-check';
import type { BodyPage, BodySearch } from './body-pages';
import type { HistoryEntry, HistorySummary } from './history';
import { requestDraftFieldsSchema, savedRequestFieldsSchema } from './saved-request-schema';
import type { SaveAsOutcome } from './save-response';
import type {
  RequestDraftRecord,
  SavedRequest,
  SavedRequestOutcome,
  SavedRequestSummary,
} from './saved-request';
import type {
  AuthorizationStart,
  DeviceStart,
  DiscoveryView,
  MethodProbeRow,
  ScopeProbeRow,
} from './grant-results';

const id = z.string().min(1).max(100);
const requestId = z.string().min(8).max(100);

function hasControlCharacter(text: string): boolean {
  return [...text].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);
}

/** Client secret edits: absent = keep, string = replace, null = remove. */
const secretEdit = z.string().max(4096).nullable().optional();

export const schemas = {
  getAppInfo: z.object({}).strict(),
  listProfiles: z.object({}).strict(),
  saveProfile: z
    .object({ id: id.optional(), fields: profileFieldsSchema, clientSecret: secretEdit })
    .strict(),
  deleteProfile: z.object({ id }).strict(),
  createSandboxProfile: z.object({}).strict(),
  getToken: z
    .object({
      profileId: id,
      requestId,
      /**
       * "Get token without saving": the unsaved fields (and a typed secret) for this one request.
       * Nothing of it is stored; the saved profile and its secret stay as they are.
       */
      draft: z
        .object({
          fields: profileFieldsSchema,
          clientSecret: z.string().min(1).max(4096).optional(),
        })
        .strict()
        .optional(),
    })
    .strict(),
  getCurrentToken: z.object({ profileId: id }).strict(),
  sendRequest: z
    .object({
      profileId: id,
      requestId,
      method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']),
      url: z.string().trim().min(1, 'URL is required').max(8192),
      headers: z
        .array(
          z
            .object({
              name: z.string().max(256),
              value: z.string().max(16384),
              enabled: z.boolean(),
            })
            .strict(),
        )
        .max(100),
      body: z.string().max(10_000_000),
      /** The user confirmed sending the token to another origin for this one request. */
      allowOtherOrigin: z.boolean(),
      /** How the request authenticates; absent = the profile's current OAuth token. */
      auth: z.enum(['token', 'apiKey', 'none']).optional(),
      apiKeyScheme: z.enum(['Bearer', 'AppKey']).optional(),
    })
    .strict(),
  cancelRequest: z.object({ requestId }).strict(),
  updateSettings: settingsPatchSchema,
  getDiscovery: z.object({ profileId: id, requestId }).strict(),
  startAuthorization: z.object({ profileId: id, requestId }).strict(),
  completeAuthorization: z.object({ attemptId: id, requestId }).strict(),
  refreshToken: z.object({ profileId: id, requestId }).strict(),
  startDeviceAuthorization: z.object({ profileId: id, requestId }).strict(),
  pollDeviceAuthorization: z.object({ attemptId: id, requestId }).strict(),
  probeAuthMethods: z.object({ profileId: id, requestId }).strict(),
  probeScope: z
    .object({
      profileId: id,
      requestId,
      scopes: z.array(z.string().min(1).max(200)).min(1).max(200),
    })
    .strict(),
  exportProfiles: z.object({}).strict(),
  importProfiles: z
    .object({ text: z.string().max(5_000_000, 'The file is larger than 5 MB') })
    .strict(),
  duplicateProfile: z.object({ id }).strict(),
  renameProfile: z
    .object({ id, name: z.string().trim().min(1, 'Profile name is required').max(120) })
    .strict(),
  restoreProfile: z.object({ id }).strict(),
  revealSecret: z.object({ profileId: id }).strict(),
  regenerateSecret: z
    .object({
      profileId: id,
      requestId,
      newSecret: z.string().min(1, 'New client secret is required').max(4096),
    })
    .strict(),
  /** Re-send a token request from history with the profile as saved now (or say why not). */
  resendTokenCall: z.object({ callId: id, requestId }).strict(),
  listHistory: z.object({}).strict(),
  getHistoryEntry: z.object({ id }).strict(),
  clearHistory: z.object({}).strict(),
  copyAsCurl: z.object({ callId: id, includeSecrets: z.boolean() }).strict(),
  getBodyPage: z
    .object({
      bodyId: id,
      view: z.enum(['pretty', 'raw']),
      from: z.number().int().min(0),
      count: z.number().int().min(1).max(2000),
    })
    .strict(),
  searchBody: z
    .object({ bodyId: id, view: z.enum(['pretty', 'raw']), query: z.string().max(1000) })
    .strict(),
  saveResponse: z
    .object({
      bodyId: id,
      fileName: z
        .string()
        .trim()
        .min(1, 'File name is required')
        .max(200)
        .refine((v) => !/[/\\:*?"<>|]/.test(v) && !hasControlCharacter(v), {
          error: 'File name must not contain / \\ : * ? " < > | or control characters',
        })
        .refine((v) => v !== '.' && v !== '..', 'File name is not valid'),
    })
    .strict(),
  getApiKeyStatus: z.object({ profileId: id }).strict(),
  setApiKey: z.object({ profileId: id, apiKey: z.string().max(4096).nullable() }).strict(),
  /** Check this client: progress is pushed as clientCheckProgress; cancelRequest({ requestId: runId }) stops it. */
  runClientCheck: z.object({ profileId: id, runId: requestId, scopeProbe: z.boolean() }).strict(),
  getClientCheck: z.object({ profileId: id }).strict(),
  listClientChecks: z.object({}).strict(),
  exportClientCheckReport: z
    .object({ profileId: id, format: z.enum(['markdown', 'html']) })
    .strict(),
  verifyTokenSignature: z.object({ profileId: id, requestId }).strict(),
  getWorkspaceState: z.object({}).strict(),
  saveWorkspaceState: tabsStateSchema,
  listSavedRequests: z.object({ profileId: id.optional() }).strict(),
  getSavedRequest: z.object({ id }).strict(),
  saveRequest: z
    .object({ id: id.optional(), profileId: id, fields: savedRequestFieldsSchema })
    .strict(),
  duplicateRequest: z.object({ id }).strict(),
  renameRequest: z
    .object({ id, name: z.string().trim().min(1, 'Request name is required').max(120) })
    .strict(),
  deleteRequest: z.object({ id }).strict(),
  restoreRequest: z.object({ id }).strict(),
  saveRequestDraft: z
    .object({
      tabId: id,
      profileId: id,
      savedRequestId: id.nullable(),
      fields: requestDraftFieldsSchema,
    })
    .strict(),
  getRequestDraft: z.object({ tabId: id }).strict(),
  deleteRequestDraft: z.object({ tabId: id }).strict(),
  saveResponseAs: z
    .object({ bodyId: id, fileName: z.string().trim().min(1, 'File name is required').max(200) })
    .strict(),
} satisfies Record<OperationName, z.ZodType>;

export interface Results {
  getAppInfo: AppInfo;
  listProfiles: ProfileView[];
  saveProfile: ProfileView;
  deleteProfile: { deleted: boolean };
  createSandboxProfile: ProfileView;
  getToken: TokenResult;
  getCurrentToken: TokenView | null;
  sendRequest: ApiResult;
  cancelRequest: { cancelled: boolean };
  updateSettings: Settings;
  getDiscovery: DiscoveryView;
  startAuthorization: AuthorizationStart;
  completeAuthorization: TokenResult;
  refreshToken: TokenResult;
  startDeviceAuthorization: DeviceStart;
  pollDeviceAuthorization: TokenResult;
  probeAuthMethods: MethodProbeRow[];
  probeScope: ScopeProbeRow;
  exportProfiles: { fileName: string; json: string; count: number };
  importProfiles: ImportResult;
  duplicateProfile: ProfileView;
  renameProfile: ProfileView;
  restoreProfile: ProfileView;
  revealSecret: { secret: string | null };
  regenerateSecret: { replaced: boolean; result: TokenResult };
  resendTokenCall: TokenResult;
  listHistory: HistorySummary[];
  getHistoryEntry: HistoryEntry;
  clearHistory: { cleared: number };
  copyAsCurl: CurlExport;
  getBodyPage: BodyPage;
  searchBody: BodySearch;
  saveResponse: { path: string; bytes: number };
  getApiKeyStatus: ApiKeyStatus;
  setApiKey: ApiKeyStatus;
  runClientCheck: ClientCheckResult;
  getClientCheck: ClientCheckResult | null;
  /** The last check of every profile, newest first (no evidence). */
  listClientChecks: ClientCheckListItem[];
  /** The page saves it (a download in the browser, a save dialog in Electron). */
  exportClientCheckReport: { fileName: string; mimeType: string; content: string };
  verifyTokenSignature: JwtCheck | null;
  getWorkspaceState: TabsState;
  saveWorkspaceState: { saved: true };
  listSavedRequests: SavedRequestSummary[];
  getSavedRequest: SavedRequest;
  saveRequest: SavedRequestOutcome;
  duplicateRequest: SavedRequest;
  renameRequest: SavedRequest;
  deleteRequest: { deleted: boolean };
  restoreRequest: SavedRequest;
  saveRequestDraft: { updatedAt: string; stripped: string[] };
  getRequestDraft: RequestDraftRecord | null;
  deleteRequestDraft: { deleted: boolean };
  saveResponseAs: SaveAsOutcome;
}

export interface ApiKeyStatus {
  hasApiKey: boolean;
  preview: string | null;
}

/** A curl command for a call, and the shell variables it expects. */
export interface CurlExport {
  command: string;
  variables: { name: string; meaning: string }[];
  includesSecrets: boolean;
}

export type Inputs = { [K in OperationName]: z.input<(typeof schemas)[K]> };
export type ParsedInputs = { [K in OperationName]: z.output<(typeof schemas)[K]> };

/** A call's outcome as it crosses the process boundary. */
export type Envelope<T> =
  { ok: true; value: T } | { ok: false; error: { message: string; field?: string } };

/** The API the renderer calls: one method per operation. */
export type WorkbenchApi = { [K in OperationName]: (input: Inputs[K]) => Promise<Results[K]> };

/** The same, as the transports carry it: every result wrapped in an envelope. */
export type WorkbenchTransport = {
  [K in OperationName]: (input: Inputs[K]) => Promise<Envelope<Results[K]>>;
};

/** Turns a zod error into one message that names the field. */
export function describeInputError(error: z.ZodError): { message: string; field?: string } {
  const issue = error.issues[0];
  if (!issue) return { message: 'Invalid input' };
  const field = issue.path.map(String).join('.');
  const label = field.replace(/^fields\./, '');
  const message =
    issue.message.includes(' ') && /^[A-Z]/.test(issue.message)
      ? issue.message
      : `${label || 'input'}: ${issue.message}`;
  return { message, field: label || undefined };
}
