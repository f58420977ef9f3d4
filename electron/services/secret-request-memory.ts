import type { SecretWireRequest } from '../../shared/structured-wire';

/** Calls kept, newest last; the oldest go first. */
export const KEPT_REQUESTS = 50;

/**
 * The structured requests of recent token calls, secrets included, by history call id: what
 * "Copy as curl" with "Include secrets" puts back. Memory only, this run only, never written.
 */
export class SecretRequestMemory {
  private readonly kept = new Map<string, SecretWireRequest>();

  keep(callId: string, request: SecretWireRequest): void {
    this.kept.delete(callId);
    this.kept.set(callId, request);
    for (const key of this.kept.keys()) {
      if (this.kept.size <= KEPT_REQUESTS) break;
      this.kept.delete(key);
    }
  }

  get(callId: string): SecretWireRequest | null {
    return this.kept.get(callId) ?? null;
  }
}
