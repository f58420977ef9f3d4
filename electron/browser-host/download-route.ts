import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { DOWNLOAD_PATH, type DownloadSource } from '../services/response-export';
import { checkHost } from './request-guard';

export { DOWNLOAD_PATH };

/** `attachment; filename="…"; filename*=UTF-8''…` with nothing that could break the header. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

function refuse(res: ServerResponse, status: number, reason: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(`${reason}\n`);
}

/**
 * `GET /download/<ticket>`: streams one response body kept in main, as a file download. The
 * same Host check as every request; a request that says where it comes from must come from
 * this page (Origin, Sec-Fetch-Site); the one-time ticket, issued through the launch-key RPC,
 * stands in for the launch key. Unknown, used or expired tickets get 404.
 */
export async function serveDownload(
  req: IncomingMessage,
  res: ServerResponse,
  port: number,
  source: DownloadSource | undefined,
): Promise<void> {
  const host = checkHost(req, port);
  if (!host.ok) return refuse(res, host.status, host.reason);
  if (req.method !== 'GET') return refuse(res, 405, 'Method not allowed');
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://${req.headers.host}`)
    return refuse(res, 403, 'Foreign Origin');
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none')
    return refuse(res, 403, 'Cross-site download');
  const ticket = (req.url ?? '').slice(DOWNLOAD_PATH.length).split(/[?#]/)[0] ?? '';
  const body = /^[A-Za-z0-9_-]{20,64}$/.test(ticket) ? source?.redeem(ticket) : null;
  if (!body) return refuse(res, 404, 'This download link has expired or was used already');
  res.writeHead(200, {
    'Content-Type': body.contentType,
    'Content-Length': String(body.bytes),
    'Content-Disposition': contentDisposition(body.fileName),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; sandbox",
  });
  await pipeline(body.stream, res).catch(() => res.destroy());
}
