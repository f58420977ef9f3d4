import type { Inputs } from '../../shared/contract';
import type { ProfileView } from '../../shared/profile';
import type { TokenResult } from '../../shared/results';
import type { MemoryPatch, ProfileMemory } from '../profile-memory';
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

/** A token call shows as busy (spinner, Cancel) only once it has taken this long. */
export const BUSY_SHOWN_AFTER_MS = 150;

/** The token call in flight per profile: one at a time, whether or not it shows as busy yet. */
const inFlight = new Map<string, string>();

/** A token call of this profile is running (shown as busy or not yet). */
export function tokenCallInFlight(profileId: string): boolean {
  return inFlight.has(profileId);
}

/**
 * One token call of a profile. A quick answer (most are) is rendered once, when it arrives: the
 * busy state is written only when the call has run for BUSY_SHOWN_AFTER_MS, so a quick call
 * neither flashes a spinner nor spends a render (and a frame) on one while the answer is on its
 * way. A second call of the same profile while one runs is ignored.
 */
async function run(
  profileId: string,
  patch: MemoryPatch,
  what: string,
  work: (requestId: string) => Promise<TokenResult>,
  options: { fromDraft?: boolean; busyAtOnce?: boolean } = {},
): Promise<TokenResult | null> {
  const fromDraft = options.fromDraft === true;
  if (inFlight.has(profileId)) return null;
  const requestId = newRequestId();
  inFlight.set(profileId, requestId);
  const sentAt = Date.now();
  const busy = () =>
    patch((m) => ({ ...m, tokenBusy: requestId, tokenBusyAt: sentAt, tokenError: null }));
  // A sign-in already shows as busy (it waits for the user): its busy state moves to this call.
  if (options.busyAtOnce) busy();
  const showBusy = options.busyAtOnce ? undefined : setTimeout(busy, BUSY_SHOWN_AFTER_MS);
  const done = (m: ProfileMemory): ProfileMemory =>
    m.tokenBusy === requestId
      ? { ...m, tokenBusy: null, tokenBusyAt: undefined, attempt: null }
      : m;
  try {
    const next = await work(requestId);
    patch((m) =>
      done({ ...m, token: next, tokenAt: Date.now(), tokenFromDraft: fromDraft, tokenError: null }),
    );
    return next;
  } catch (error) {
    patch((m) => done({ ...m, tokenError: `${what} failed: ${messageOf(error)}` }));
    return null;
  } finally {
    clearTimeout(showBusy);
    if (inFlight.get(profileId) === requestId) inFlight.delete(profileId);
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
    return await run(
      profile.id,
      patch,
      'Sign-in',
      (requestId) => workbench.completeAuthorization({ attemptId: start.attemptId, requestId }),
      { busyAtOnce: true },
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
    return await run(
      profile.id,
      patch,
      'Device sign-in',
      (requestId) => workbench.pollDeviceAuthorization({ attemptId: start.attemptId, requestId }),
      { busyAtOnce: true },
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
    profile.id,
    patch,
    'Get token',
    (requestId) =>
      workbench.getToken({ profileId: profile.id, requestId, ...(draft ? { draft } : {}) }),
    { fromDraft: draft !== undefined },
  );
}

export function refreshToken(profile: ProfileView, patch: MemoryPatch) {
  return run(profile.id, patch, 'Refresh', (requestId) =>
    workbench.refreshToken({ profileId: profile.id, requestId }),
  );
}

export function cancelToken(requestId: string | null | undefined, patch: MemoryPatch) {
  if (!requestId) return;
  workbench.cancelRequest({ requestId }).catch((error: unknown) => {
    patch((m) => ({ ...m, tokenError: `Cancel failed: ${messageOf(error)}` }));
  });
}
