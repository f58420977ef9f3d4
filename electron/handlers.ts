import { ZodError } from 'zod';
import {
  describeInputError,
  schemas,
  type Envelope,
  type ParsedInputs,
  type Results,
} from '../shared/contract';
import type { OperationName } from '../shared/operations';
import { emptyProfileFields } from '../shared/profile';
import type { AppInfo } from '../shared/results';
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
    deleteProfile: async ({ id }) => {
      s.tokens.forget(id);
      return { deleted: await s.profiles.delete(id) };
    },
    createSandboxProfile: async () => {
      await s.sandbox.ensureStarted();
      const existing = await s.profiles.list();
      const taken = new Set(existing.map((p) => p.name));
      let name = 'Sandbox';
      for (let i = 2; taken.has(name); i++) name = `Sandbox ${i}`;
      return s.profiles.save({
        fields: {
          ...emptyProfileFields,
          name,
          sandbox: true,
          clientId: 'sandbox-basic',
          authMethod: 'client_secret_basic',
        },
        clientSecret: await s.sandbox.clientSecret(),
      });
    },
    getToken: ({ profileId, requestId }) => s.tokens.getToken(profileId, requestId),
    getCurrentToken: async ({ profileId }) => s.tokens.current(profileId),
    sendRequest: (input) => s.api.send(input),
    cancelRequest: async ({ requestId }) => ({ cancelled: s.registry.cancel(requestId) }),
    updateSettings: async (input) => s.settings.update(input),
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
