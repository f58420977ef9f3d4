import { timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readCallback, redirectUriFor, type CallbackOutcome } from '../../shared/authorization-url';
import { WorkbenchInputError } from './errors';

// The loopback redirect receiver of RFC 8252 §7.3: an HTTP server on 127.0.0.1, open only for one
// sign-in attempt. It answers only Host 127.0.0.1:<port> (DNS rebinding), and closes on the
// callback that carries this attempt's state, a timeout, or a cancel. A callback with another
// state (any local process that knows the port can send one) is refused and changes nothing.

export type ReceiverOutcome = CallbackOutcome | { kind: 'timeout' } | { kind: 'cancelled' };

export interface LoopbackReceiver {
  redirectUri: string;
  expiresAt: number;
  /** Resolves with the first callback (or timeout); aborting the signal cancels the attempt. */
  wait(signal: AbortSignal): Promise<ReceiverOutcome>;
  close(): void;
}

export const DEFAULT_RECEIVER_TIMEOUT_MS = 5 * 60 * 1000;
/** Receivers open at once; starting one more closes the oldest (as cancelled). */
export const MAX_OPEN_RECEIVERS = 4;

const open: { close(): void }[] = [];

/** How many receivers are listening right now (for tests and the diagnostics line). */
export function openReceiverCount(): number {
  return open.length;
}

const PAGE_HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Referrer-Policy': 'no-referrer',
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'none'",
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
};

function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** Self-contained: loads nothing from elsewhere, and never echoes the code. */
function landingPage(outcome: CallbackOutcome): string {
  const [title, text] =
    outcome.kind === 'code'
      ? ['Signed in', 'Token Workbench received the authorization code and is getting the token.']
      : outcome.kind === 'error'
        ? [
            'Sign-in refused',
            `The authorization server answered error "${escapeHtml(outcome.error)}"${outcome.description ? `: ${escapeHtml(outcome.description)}` : ''}. Nothing was exchanged.`,
          ]
        : ['Callback refused', `${escapeHtml(outcome.reason)} Nothing was exchanged.`];
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title} · Token Workbench</title>
<style>body{font-family:system-ui,sans-serif;max-width:420px;margin:48px auto;color:#1f2933}</style></head>
<body><h1>${title}</h1><p>${text}</p><p><strong>Return to Token Workbench.</strong> You can close this tab.</p></body></html>`;
}

function sameState(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}

export async function startLoopbackReceiver(options: {
  port: number;
  path: string;
  state: string;
  timeoutMs?: number;
  now?: () => number;
}): Promise<LoopbackReceiver> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_RECEIVER_TIMEOUT_MS;
  let settle: (outcome: ReceiverOutcome) => void = () => undefined;
  const outcome = new Promise<ReceiverOutcome>((resolve) => (settle = resolve));
  let done = false;

  let port = options.port;
  const server = createServer((req, res) => {
    if (req.headers.host !== `127.0.0.1:${port}`) {
      res.writeHead(421, PAGE_HEADERS).end('<!DOCTYPE html><title>Wrong host</title>');
      return;
    }
    const url = URL.parse(req.url ?? '/', 'http://127.0.0.1');
    if (done || req.method !== 'GET' || !url || url.pathname !== options.path) {
      res.writeHead(404, PAGE_HEADERS).end('<!DOCTYPE html><title>Not found</title>');
      return;
    }
    const state = url.searchParams.get('state');
    const read = readCallback(url.searchParams, options.state);
    res.writeHead(read.kind === 'code' ? 200 : 400, { ...PAGE_HEADERS, Connection: 'close' });
    res.end(landingPage(read));
    // Only this attempt's state ends it: a forged callback must not cancel the sign-in.
    if (state !== null && sameState(state, options.state)) finish(read);
  });

  const timer = setTimeout(() => finish({ kind: 'timeout' }), timeoutMs);
  timer.unref();
  const entry = { close: () => finish({ kind: 'cancelled' }) };

  function finish(result: ReceiverOutcome): void {
    if (done) return;
    done = true;
    clearTimeout(timer);
    const at = open.indexOf(entry);
    if (at >= 0) open.splice(at, 1);
    settle(result);
    server.close();
    server.closeIdleConnections();
    setImmediate(() => server.closeAllConnections());
  }

  try {
    await listen(server, options.port);
  } catch (error) {
    clearTimeout(timer);
    const code = (error as NodeJS.ErrnoException).code;
    throw new WorkbenchInputError(
      code === 'EADDRINUSE'
        ? `Redirect port ${options.port} is already in use on 127.0.0.1: close the program using it or choose another port (and register that redirect URI on the client).`
        : `The redirect receiver could not listen on 127.0.0.1:${options.port} (${code ?? 'error'}).`,
      'redirectPort',
    );
  }
  port = (server.address() as AddressInfo).port;
  while (open.length >= MAX_OPEN_RECEIVERS) open[0]?.close();
  open.push(entry);
  const now = options.now ?? Date.now;
  return {
    redirectUri: `${redirectUriFor(port, options.path)}`,
    expiresAt: now() + timeoutMs,
    wait(signal) {
      if (signal.aborted) finish({ kind: 'cancelled' });
      else signal.addEventListener('abort', () => finish({ kind: 'cancelled' }), { once: true });
      return outcome;
    },
    close: entry.close,
  };
}
