/** `m:ss` below an hour, `h:mm:ss` from an hour on. */
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

export interface CountdownState {
  /** Whole seconds left, never negative. */
  secondsLeft: number;
  /** 0..100, share of the lifetime still left. */
  percentLeft: number;
  /** `Expires in m:ss` or `Expired`. */
  label: string;
  phase: 'ok' | 'warning' | 'expired';
}

/** State of a token's countdown, from the moment it was received and its `expires_in`. */
export function countdown(receivedAtMs: number, expiresInS: number, nowMs: number): CountdownState {
  const expiresAt = receivedAtMs + expiresInS * 1000;
  const secondsLeft = Math.max(0, Math.ceil((expiresAt - nowMs) / 1000));
  const percentLeft = expiresInS > 0 ? Math.min(100, (secondsLeft / expiresInS) * 100) : 0;
  if (secondsLeft <= 0)
    return { secondsLeft: 0, percentLeft: 0, label: 'Expired', phase: 'expired' };
  return {
    secondsLeft,
    percentLeft,
    label: `Expires in ${formatDuration(secondsLeft)}`,
    phase: secondsLeft <= 60 ? 'warning' : 'ok',
  };
}
