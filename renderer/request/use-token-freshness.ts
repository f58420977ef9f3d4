import { useEffect, useState } from 'react';
import type { TokenView } from '../../shared/results';

/** 'none', 'valid' or 'expired' for the pushed token; flips to expired when its time is up. */
export function useTokenFreshness(token: TokenView | null): 'none' | 'expired' | 'valid' {
  const expiresAt =
    token && token.expiresIn !== null ? token.receivedAt + token.expiresIn * 1000 : null;
  const [expiredAt, setExpiredAt] = useState<number | null>(null);
  useEffect(() => {
    if (expiresAt === null) return undefined;
    const timer = window.setTimeout(
      () => setExpiredAt(expiresAt),
      Math.max(0, expiresAt - Date.now()),
    );
    return () => window.clearTimeout(timer);
  }, [expiresAt]);
  if (!token) return 'none';
  return expiresAt !== null && expiredAt === expiresAt ? 'expired' : 'valid';
}
