import type { SecretWireRequest } from '../../shared/structured-wire';

/** Calls kept, newest last; the oldest go first. */
export const KEPT_REQUESTS = 50;

/**
 * The structured requests of recent token calls, secrets included, by history call id: what
 * "Copy as curl" with "Include secrets" puts back. Memory only, this run only, never written.
 */
export class SecretRequestMemory {
  private readonly kept = new Map<string, SecretWireRequest>();
  /**
   * The ids in the order they came, in a ring: the one at `next` goes when a new one comes. (A
   * Map's first key is found by skipping every entry deleted before it, which made keeping a
   * request cost 5-6 µs on every call.)
   */
  private readonly order: (string | undefined)[] = new Array<string | undefined>(KEPT_REQUESTS);
  private next = 0;

  keep(callId: string, request: SecretWireRequest): void {
    if (this.kept.has(callId)) {
      this.kept.set(callId, request);
      return;
    }
    const oldest = this.order[this.next];
    if (oldest !== undefined) this.kept.delete(oldest);
    this.order[this.next] = callId;
    this.next = (this.next + 1) % KEPT_REQUESTS;
    this.kept.set(callId, request);
  }

  get(callId: string): SecretWireRequest | null {
    return this.kept.get(callId) ?? null;
  }

  get size(): number {
    return this.kept.size;
  }
}
