/** What to do after one poll of the token endpoint in the device flow (RFC 8628 §3.5). */
export type DevicePollStep =
  { kind: 'done' } | { kind: 'wait'; intervalSeconds: number } | { kind: 'stop'; reason: string };

export function nextDevicePoll(
  answer: { issued: boolean; error: string | null },
  intervalSeconds: number,
): DevicePollStep {
  if (answer.issued) return { kind: 'done' };
  switch (answer.error) {
    case 'authorization_pending':
      return { kind: 'wait', intervalSeconds };
    case 'slow_down':
      // RFC 8628 §3.5: add 5 seconds to the interval for this and all later polls.
      return { kind: 'wait', intervalSeconds: intervalSeconds + 5 };
    case 'expired_token':
      return { kind: 'stop', reason: 'The device code expired before the user signed in.' };
    case 'access_denied':
      return { kind: 'stop', reason: 'The user denied the request on the verification page.' };
    default:
      return { kind: 'stop', reason: 'The token endpoint refused the device code.' };
  }
}
