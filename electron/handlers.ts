import { ZodError } from 'zod';
import {
  describeInputError,
  schemas,
  type Envelope,
  type ParsedInputs,
  type Results,
} from '../shared/contract';
import type { OperationName } from '../shared/operations';
import { listItemsOf } from '../shared/client-check/check-types';
import type { AppInfo } from '../shared/results';
import { saveResponseBody } from './services/responses/save-response';
import { WorkbenchInputError } from './services/errors';
import type { Services } from './services/services';

/** The one handler table: operation name -> service call. Both hosts serve exactly this. */
export type Handlers = { [K in OperationName]: (input: ParsedInputs[K]) => Promise<Results[K]> };

export function createHandlers(
  s: Services,
  appInfo: () => Omit<AppInfo, 'settings' | 'sandboxUrl'>,
): Handlers {
  return {
    getAppInfo: async () => ({
      ...appInfo(),
      settings: s.settings.get(),
      sandboxUrl: s.sandbox.url,
    }),
    listProfiles: () => s.profiles.list(),
    saveProfile: (input) => s.profiles.save(input),
    deleteProfile: ({ id }) => s.profileActions.delete(id),
    createSandboxProfile: () => s.profileActions.createSandboxProfile(),
    getToken: ({ profileId, requestId, draft }) =>
      s.tokens.getToken(profileId, requestId, draft ? { draft } : {}),
    getCurrentToken: async ({ profileId }) => s.tokens.current(profileId),
    sendRequest: (input) => s.api.send(input),
    cancelRequest: async ({ requestId }) => ({ cancelled: s.registry.cancel(requestId) }),
    updateSettings: async (input) => s.settings.update(input),
    getDiscovery: ({ profileId, requestId }) =>
      s.grants.profileDiscovery.discover(profileId, requestId),
    startAuthorization: ({ profileId, requestId }) =>
      s.grants.authorizationCode.start(profileId, requestId),
    completeAuthorization: ({ attemptId, requestId }) =>
      s.grants.authorizationCode.complete(attemptId, requestId),
    refreshToken: ({ profileId, requestId }) => s.tokens.refresh(profileId, requestId),
    startDeviceAuthorization: ({ profileId, requestId }) =>
      s.grants.device.start(profileId, requestId),
    pollDeviceAuthorization: ({ attemptId, requestId }) =>
      s.grants.device.poll(attemptId, requestId),
    probeAuthMethods: ({ profileId, requestId }) =>
      s.grants.probes.probeAuthMethods(profileId, requestId),
    probeScope: ({ profileId, requestId, scopes }) =>
      s.grants.probes.probeScope(profileId, scopes, requestId),
    exportProfiles: () => s.data.transfer.exportAll(),
    importProfiles: ({ text }) => s.data.transfer.importText(text),
    duplicateProfile: ({ id }) => s.profiles.duplicate(id),
    renameProfile: ({ id, name }) => s.profiles.rename(id, name),
    restoreProfile: ({ id }) => s.profiles.restore(id),
    revealSecret: ({ profileId }) => s.data.secrets.reveal(profileId),
    regenerateSecret: ({ profileId, requestId, newSecret }) =>
      s.data.secrets.regenerate(profileId, newSecret, requestId),
    resendTokenCall: ({ callId, requestId }) => s.pipeline.resend.resend(callId, requestId),
    listHistory: async () => s.history.list(),
    getHistoryEntry: async ({ id }) => {
      const entry = s.history.get(id);
      if (!entry) throw new WorkbenchInputError('This history entry no longer exists.', 'id');
      return entry;
    },
    clearHistory: async () => ({ cleared: s.history.clear() }),
    copyAsCurl: ({ callId, includeSecrets }) => s.curl.export(callId, includeSecrets),
    getBodyPage: ({ bodyId, view, from, count }) => s.responses.page(bodyId, view, from, count),
    searchBody: ({ bodyId, view, query }) => s.responses.search(bodyId, view, query),
    saveResponse: ({ bodyId, fileName }) => saveResponseBody(s.responses, bodyId, fileName),
    getApiKeyStatus: ({ profileId }) => s.api.apiKeyStatus(profileId),
    setApiKey: ({ profileId, apiKey }) => s.api.setApiKey(profileId, apiKey),
    runClientCheck: ({ profileId, runId, scopeProbe }) =>
      s.registry.run(runId, (signal) =>
        s.clientCheck.service.run(
          profileId,
          { runId, scopeProbe, appVersion: appInfo().version },
          signal,
        ),
      ),
    getClientCheck: async ({ profileId }) => s.clientCheck.history.last(profileId),
    listClientChecks: async () => listItemsOf(s.clientCheck.history.list()),
    exportClientCheckReport: async ({ profileId, format }) =>
      s.clientCheck.report(profileId, format),
    verifyTokenSignature: ({ profileId, requestId }) =>
      s.clientCheck.verifyCurrentToken(profileId, requestId),
    getWorkspaceState: async () => s.workspace.get(),
    saveWorkspaceState: async (state) => s.workspace.save(state),
    listSavedRequests: async ({ profileId }) => s.savedRequests.list(profileId),
    getSavedRequest: async ({ id }) => s.savedRequests.get(id),
    saveRequest: (input) => s.savedRequests.save(input),
    duplicateRequest: async ({ id }) => s.savedRequests.duplicate(id),
    renameRequest: async ({ id, name }) => s.savedRequests.rename(id, name),
    deleteRequest: async ({ id }) => ({ deleted: s.savedRequests.delete(id) }),
    restoreRequest: async ({ id }) => s.savedRequests.restore(id),
    saveRequestDraft: (input) => s.requestDrafts.save(input),
    getRequestDraft: async ({ tabId }) => s.requestDrafts.get(tabId),
    deleteRequestDraft: async ({ tabId }) => ({ deleted: s.requestDrafts.delete(tabId) }),
    saveResponseAs: ({ bodyId, fileName }) => s.responseExport.saveAs(bodyId, fileName),
  };
}

/**
 * Parses a call's input with the contract's schema (unknown keys rejected), runs the handler,
 * and wraps the outcome in an envelope. Error messages name the field; no secret is ever part
 * of one (services never put secrets in errors, and unexpected errors are reduced to their type).
 */
export async function dispatch<K extends OperationName>(
  handlers: Handlers,
  name: K,
  rawInput: unknown,
): Promise<Envelope<Results[K]>> {
  const parsed = schemas[name].safeParse(rawInput ?? {});
  if (!parsed.success) return { ok: false, error: describeInputError(parsed.error) };
  try {
    const handler = handlers[name] as (input: unknown) => Promise<Results[K]>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (err) {
    if (err instanceof WorkbenchInputError) {
      return { ok: false, error: { message: err.message, field: err.field } };
    }
    if (err instanceof ZodError) return { ok: false, error: describeInputError(err) };
    const kind = err instanceof Error ? err.name : 'Error';
    console.error(`[workbench] ${name} failed: ${kind}`);
    return {
      ok: false,
      error: { message: `${name} failed unexpectedly (${kind}). See the log for details.` },
    };
  }
}
