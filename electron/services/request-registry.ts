import { WatchedAbort } from './watched-abort';

/** In-flight requests by the renderer's requestId, so that Cancel can abort them. */
export class RequestRegistry {
  private readonly controllers = new Map<string, WatchedAbort>();

  async run<T>(requestId: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const controller = new WatchedAbort();
    this.controllers.get(requestId)?.abort();
    this.controllers.set(requestId, controller);
    try {
      return await work(controller.signal);
    } finally {
      if (this.controllers.get(requestId) === controller) this.controllers.delete(requestId);
    }
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
