import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyProfileFields, type ProfileView } from '../../shared/profile';
import type { TokenResult } from '../../shared/results';
import type { ProfileMemory } from '../profile-memory';

// The RPC is the collaborator here: each Get token answers when the test says so.
const answers: ((r: TokenResult) => void)[] = [];
const calls: unknown[] = [];
vi.mock('../workbench-api', () => ({
  workbench: {
    getToken: (input: unknown) => {
      calls.push(input);
      return new Promise<TokenResult>((resolve) => answers.push(resolve));
    },
  },
}));

const { BUSY_SHOWN_AFTER_MS, getToken, tokenCallInFlight } = await import('./token-actions');

const profile = {
  ...emptyProfileFields,
  id: 'p1',
  grantType: 'client_credentials',
} as unknown as ProfileView;
const answer = { token: null, failure: null, callId: 'c1' } as unknown as TokenResult;

/** The profile's memory as the patches leave it, and how many renders (patches) it cost. */
function memory() {
  let m: ProfileMemory = {};
  const states: ProfileMemory[] = [];
  const patch = (update: (m: ProfileMemory) => ProfileMemory) => {
    m = update(m);
    states.push(m);
  };
  return { patch, states, now: () => m };
}

describe('token calls', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    answers.length = 0;
    calls.length = 0;
  });
  afterEach(() => vi.useRealTimers());

  it('a quick answer is written once, with no busy state before it', async () => {
    const m = memory();
    const done = getToken(profile, m.patch);
    expect(tokenCallInFlight('p1')).toBe(true);
    await vi.advanceTimersByTimeAsync(BUSY_SHOWN_AFTER_MS - 10);
    expect(m.states).toHaveLength(0);
    answers[0]?.(answer);
    await done;
    expect(m.states).toHaveLength(1);
    expect(m.now()).toMatchObject({ token: answer, tokenError: null });
    expect(m.now().tokenBusy ?? null).toBeNull();
    expect(tokenCallInFlight('p1')).toBe(false);
    await vi.advanceTimersByTimeAsync(BUSY_SHOWN_AFTER_MS);
    expect(m.states).toHaveLength(1);
  });

  it('a slow answer shows as busy after the delay, and the busy state ends with the answer', async () => {
    const m = memory();
    const done = getToken(profile, m.patch);
    await vi.advanceTimersByTimeAsync(BUSY_SHOWN_AFTER_MS + 1);
    expect(m.now().tokenBusy).toEqual(expect.any(String));
    expect(m.now().tokenBusyAt).toEqual(expect.any(Number));
    answers[0]?.(answer);
    await done;
    expect(m.now()).toMatchObject({ token: answer, tokenBusy: null });
  });

  it('a second Get token of the same profile while one runs sends nothing', async () => {
    const m = memory();
    const first = getToken(profile, m.patch);
    await expect(getToken(profile, m.patch)).resolves.toBeNull();
    expect(calls).toHaveLength(1);
    answers[0]?.(answer);
    await first;
    const again = getToken(profile, m.patch);
    expect(calls).toHaveLength(2);
    answers[1]?.(answer);
    await again;
  });
});
