import type { Dispatcher } from 'undici';
import type { WireRequest } from '../../shared/wire';
import { sendRequest, type SendOptions, type SendOutcome } from './http-client';

/**
 * The one HTTP layer every service sends through: token calls, API calls, discovery and probes
 * alike, so that network settings (proxy, extra CAs, TLS verification) apply to all of them.
 */
export class HttpTransport {
  private dispatcher: Dispatcher | undefined;

  /** Replaces the undici dispatcher (proxy / CA settings); undefined = undici's global one. */
  useDispatcher(dispatcher: Dispatcher | undefined): void {
    this.dispatcher = dispatcher;
  }

  send(wire: WireRequest, options: Omit<SendOptions, 'dispatcher'>): Promise<SendOutcome> {
    return sendRequest(wire, { ...options, dispatcher: this.dispatcher });
  }
}
