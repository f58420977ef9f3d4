import { randomUUID } from 'node:crypto';
import type { RequestRegistry } from '../request-registry';

/**
 * Runs a service call that takes a requestId (today's probes and API calls) so that aborting
 * `signal` cancels it: the call gets its own id in the registry, cancelled when the signal fires.
 */
export async function linkedRequest<T>(
  registry: RequestRegistry,
  signal: AbortSignal,
  call: (requestId: string) => Promise<T>,
): Promise<T> {
  const requestId = `check-${randomUUID()}`;
  const cancel = () => registry.cancel(requestId);
  signal.addEventListener('abort', cancel, { once: true });
  try {
    if (signal.aborted) throw new Error('The check was cancelled.');
    return await call(requestId);
  } finally {
    signal.removeEventListener('abort', cancel);
  }
}
