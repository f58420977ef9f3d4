/**
 * The page is served from a privileged custom scheme, `app://workbench/…`, instead of file://
 * (Electron security checklist: "use a custom protocol"). Pure parts here, so they are tested in
 * plain Node; `serveAppProtocol` takes Electron's `protocol` object.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'workbench';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_PAGE_URL = `${APP_ORIGIN}/index.html`;

/** Sent as a header with every file, the same policy the page's meta tag carries. */
export const APP_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** For `protocol.registerSchemesAsPrivileged`, before the app is ready. */
export const appSchemePrivileges = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
} as const;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** Chromium lower-cases a standard scheme's host; Node's URL does not for unknown schemes. */
function isAppHost(u: URL): boolean {
  return u.host.toLowerCase() === APP_HOST && !u.username && !u.password;
}

/** True for the app's own page (query and hash ignored), nothing else. */
export function isAppPage(url: string): boolean {
  const u = parse(url);
  return !!u && u.protocol === `${APP_SCHEME}:` && isAppHost(u) && u.pathname === '/index.html';
}

/** True for any URL of the app's own origin. */
export function isAppOrigin(url: string): boolean {
  const u = parse(url);
  return !!u && u.protocol === `${APP_SCHEME}:` && isAppHost(u);
}

/**
 * The file under `root` that an app:// URL names, or null when it names none: another host, a
 * bad escape, a NUL byte, or a path that leaves `root` in any encoding. `p` is `path.win32` in
 * the tests for Windows paths.
 */
export function appFilePath(url: string, root: string, p: path.PlatformPath = path): string | null {
  const u = parse(url);
  if (!u || u.protocol !== `${APP_SCHEME}:` || !isAppHost(u)) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const relative = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
  const base = p.resolve(root);
  const full = p.resolve(base, relative);
  const inside = p.relative(base, full);
  if (!inside || inside.startsWith('..') || p.isAbsolute(inside)) return null;
  return full;
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

export type AppRequestHandler = (request: Request) => Promise<Response>;

/** Answers app:// requests from files under `root`, each with the CSP header. */
export function appRequestHandler(
  root: string,
  read: (file: string) => Promise<Uint8Array> = readFile,
): AppRequestHandler {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Method not allowed', { status: 405 });
    }
    const file = appFilePath(request.url, root);
    if (!file) return new Response('Not found', { status: 404 });
    let body: Uint8Array;
    try {
      body = await read(file);
    } catch {
      return new Response('Not found', { status: 404 });
    }
    const type = contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    return new Response(request.method === 'HEAD' ? null : new Blob([body]), {
      status: 200,
      headers: {
        'content-type': type,
        'content-security-policy': APP_CSP,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
      },
    });
  };
}

/** The part of Electron's `protocol` this module uses. */
export interface ProtocolLike {
  handle(scheme: string, handler: AppRequestHandler): void;
}

export function serveAppProtocol(protocol: ProtocolLike, root: string): void {
  protocol.handle(APP_SCHEME, appRequestHandler(root));
}
