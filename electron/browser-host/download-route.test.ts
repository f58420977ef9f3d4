import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ResponseExport } from '../services/response-export';
import { ResponseStore } from '../services/responses/response-store';
import { contentDisposition, DOWNLOAD_PATH, serveDownload } from './download-route';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

function tempDir(): string {
  const d = mkdtempSync(path.join(os.tmpdir(), 'twb-download-'));
  cleanups.push(() => rmSync(d, { recursive: true, force: true }));
  return d;
}

/** fetch cannot set Host: a plain request can (as a DNS-rebinding page would arrive). */
function statusWithHost(port: number, url: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: url, headers: { Host: host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

async function setup(body: Buffer, now = () => Date.now()) {
  const responses = new ResponseStore({ spillDir: tempDir() });
  cleanups.push(() => responses.close());
  const info = responses.put(body, 'application/json');
  const exporter = new ResponseExport({ responses, now });
  let port = 0;
  const server: Server = createServer((req, res) => void serveDownload(req, res, port, exporter));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  port = (server.address() as AddressInfo).port;
  cleanups.push(() => new Promise<void>((r) => server.close(() => r())));
  const get = (url: string, headers: Record<string, string> = {}) =>
    fetch(`http://127.0.0.1:${port}${url}`, { headers, redirect: 'manual' });
  return { exporter, info, responses, port, get };
}

describe('Save response in the browser host: one-time downloads streamed from main', () => {
  it('streams the whole body once, as an attachment, then the link is dead', async () => {
    const body = Buffer.from(JSON.stringify({ rows: Array.from({ length: 5000 }, (_, i) => i) }));
    const { exporter, info, get } = await setup(body);
    const out = await exporter.saveAs(info.id, 'response-200.json');
    expect(out).toMatchObject({ outcome: 'download', fileName: 'response-200.json' });
    const url = out.outcome === 'download' ? out.url : '';
    expect(url.startsWith(DOWNLOAD_PATH)).toBe(true);

    const first = await get(url, { 'Sec-Fetch-Site': 'same-origin' });
    expect(first.status).toBe(200);
    expect(first.headers.get('content-disposition')).toBe(contentDisposition('response-200.json'));
    expect(first.headers.get('content-type')).toBe('application/json');
    expect(Buffer.from(await first.arrayBuffer()).equals(body)).toBe(true);

    const again = await get(url);
    expect(again.status).toBe(404);
    expect(await again.text()).toContain('expired or was used already');
  });

  it('refuses foreign origins, cross-site fetches, other Hosts, unknown and expired tickets', async () => {
    let clock = 1_000;
    const { exporter, info, get, port } = await setup(Buffer.from('{}'), () => clock);
    const ticketUrl = async () => {
      const out = await exporter.saveAs(info.id, 'a.json');
      return out.outcome === 'download' ? out.url : '';
    };
    expect((await get(await ticketUrl(), { Origin: 'http://evil.test' })).status).toBe(403);
    expect((await get(await ticketUrl(), { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    expect(await statusWithHost(port, await ticketUrl(), `attacker.test:${port}`)).toBe(421);
    expect((await get(`${DOWNLOAD_PATH}${'x'.repeat(32)}`)).status).toBe(404);
    const late = await ticketUrl();
    clock += 61_000;
    expect((await get(late)).status).toBe(404);
  });

  it('names the file safely in the header, whatever the renderer asked for', async () => {
    expect(contentDisposition('rés"ponse\\.json')).toBe(
      `attachment; filename="r_s_ponse_.json"; filename*=UTF-8''r%C3%A9s%22ponse%5C.json`,
    );
    const { exporter, info } = await setup(Buffer.from('{}'));
    const out = await exporter.saveAs(info.id, '../../etc/passwd');
    expect(out).toMatchObject({ outcome: 'download', fileName: '.._.._etc_passwd' });
  });
});

describe('Save response in the app: the save dialog, then the body streamed to the file', () => {
  it('writes where the dialog says, and does nothing when it is cancelled', async () => {
    const responses = new ResponseStore({ spillDir: tempDir() });
    cleanups.push(() => responses.close());
    const body = Buffer.from('{"a":1}');
    const info = responses.put(body, 'application/json');
    const target = path.join(tempDir(), 'chosen.json');
    const asked: string[] = [];
    const answers = [target, null];
    const exporter = new ResponseExport({
      responses,
      showSaveDialog: async (name) => {
        asked.push(name);
        return answers.shift() ?? null;
      },
    });
    expect(await exporter.saveAs(info.id, 'response-200.json')).toEqual({
      outcome: 'saved',
      path: target,
      bytes: body.length,
    });
    expect(readFileSync(target).equals(body)).toBe(true);
    expect(await exporter.saveAs(info.id, 'response-200.json')).toEqual({ outcome: 'cancelled' });
    expect(asked).toEqual(['response-200.json', 'response-200.json']);
    await expect(exporter.saveAs('gone', 'x.json')).rejects.toThrow();
  });
});
