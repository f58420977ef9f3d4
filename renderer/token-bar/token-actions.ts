import type { Inputs } from '../../shared/contract';
import type { ProfileView } from '../../shared/profile';
import type { TokenResult } from '../../shared/results';
import type { MemoryPatch } from '../profile-memory';
import { newRequestId } from '../request-draft';
import { workbench } from '../workbench-api';

/**
 * The token calls a tab can make (Get token for whichever grant the profile uses, Refresh,
 * Cancel). They write into the profile's memory, not a component's state, so a call that is
 * still running when the user switches tabs lands where the next tab of the profile reads it.
 */
function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A one-off draft: the unsaved fields (and typed secret) for this one token request. */
export type TokenDraft = NonNullable<Inputs['getToken']['draft']>;

async function run(
  patch: MemoryPatch,
  what: string,
  work: (requestId: string) => Promise<TokenResult>,
  fromDraft = false,
): Promise<TokenResult | null> {
  const requestId = newRequestId();
  patch((m) => ({ ...m, tokenBusy: requestId, tokenBusyAt: Date.now(), tokenError: null }));
  try {
    const next = await work(requestId);
    patch((m) => ({ ...m, token: next, tokenAt: Date.now(), tokenFromDraft: fromDraft }));
    return next;
  } catch (error) {
    patch((m) => ({ ...m, tokenError: `${what} failed: ${messageOf(error)}` }));
    return null;
  } finally {
    patch((m) =>
      m.tokenBusy === requestId
        ? { ...m, tokenBusy: null, tokenBusyAt: undefined, attempt: null }
        : m,
    );
  }
}

async function signIn(profile: ProfileView, patch: MemoryPatch) {
  const startId = newRequestId();
  patch((m) => ({ ...m, tokenBusy: startId, tokenBusyAt: undefined, tokenError: null }));
  try {
    const start = await workbench.startAuthorization({ profileId: profile.id, requestId: startId });
    patch((m) => ({ ...m, attempt: { kind: 'code', start } }));
    // The browser host cannot reach the system browser: the page opens the tab itself.
    if (!start.openedExternally) window.open(start.authorizationUrl, '_blank', 'noopener');
    return await run(patch, 'Sign-in', (requestId) =>
      workbench.completeAuthorization({ attemptId: start.attemptId, requestId }),
    );
  } catch (error) {
    patch((m) => ({ ...m, tokenError: `Sign-in failed: ${messageOf(error)}`, tokenBusy: null }));
    return null;
  } finally {
    patch((m) => ({ ...m, attempt: null }));
  }
}

async function deviceSignIn(profile: ProfileView, patch: MemoryPatch) {
  const startId = newRequestId();
  patch((m) => ({ ...m, tokenBusy: startId, tokenBusyAt: undefined, tokenError: null }));
  try {
    const start = await workbench.startDeviceAuthorization({
      profileId: profile.id,
      requestId: startId,
    });
    patch((m) => ({ ...m, attempt: { kind: 'device', start } }));
    return await run(patch, 'Device sign-in', (requestId) =>
      workbench.pollDeviceAuthorization({ attemptId: start.attemptId, requestId }),
    );
  } catch (error) {
    patch((m) => ({
      ...m,
      tokenError: `Device sign-in failed: ${messageOf(error)}`,
      tokenBusy: null,
    }));
    return null;
  } finally {
    patch((m) => ({ ...m, attempt: null }));
  }
}

/** Get token with the saved profile, or (client credentials) with a one-off draft. */
export function getToken(
  profile: ProfileView,
  patch: MemoryPatch,
  draft?: TokenDraft,
): Promise<TokenResult | null> {
  if (profile.grantType === 'authorization_code') return signIn(profile, patch);
  if (profile.grantType === 'device_code') return deviceSignIn(profile, patch);
  return run(
    patch,
    'Get token',
    (requestId) =>
      workbench.getToken({ profileId: profile.id, requestId, ...(draft ? { draft } : {}) }),
    draft !== undefined,
  );
}

export function refreshToken(profile: ProfileView, patch: MemoryPatch) {
  return run(patch, 'Refresh', (requestId) =>
    workbench.refreshToken({ profileId: profile.id, requestId }),
  );
}

export function cancelToken(requestId: string | null | undefined, patch: MemoryPatch) {
  if (!requestId) return;
  workbench.cancelRequest({ requestId }).catch((error: unknown) => {
    patch((m) => ({ ...m, tokenError: `Cancel failed: ${messageOf(error)}` }));
  });
}
