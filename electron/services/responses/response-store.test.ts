import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_DEPTH } from './json-pretty-index';
import { ResponseStore } from './response-store';
import { saveResponseBody } from './save-response';

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(path.join(os.tmpdir(), 'twb-responses-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A JSON array of rows, about `bytes` long, minified. */
function rowsJson(bytes: number): Buffer {
  const rows: unknown[] = [];
  let size = 2;
  for (let i = 0; size < bytes; i++) {
    const row = { id: i, name: `Row ${i}`, email: `user${i}@example.com`, tags: ['a', 'b'] };
    rows.push(row);
    size += JSON.stringify(row).length + 1;
  }
  return Buffer.from(JSON.stringify(rows));
}

/** Feeds a body in 64 KB chunks, as the HTTP client does. */
function collect(store: ResponseStore, bytes: Buffer, contentType = 'application/json') {
  const c = store.collector();
  for (let at = 0; at < bytes.length; at += 65536) c.push(bytes.subarray(at, at + 65536));
  return c.finish(contentType);
}

const MB = 1024 * 1024;

const sample = {
  content: [
    {
      id: 'u-1',
      email: 'ada@example.com',
      tags: [],
      meta: {},
      note: 'a "quoted" \\ back, {not: a brace}',
    },
    { id: 'u-2', email: 'grace@example.com', n: -1.5e3, ok: true, none: null, name: 'Zoë ✓' },
  ],
  total: 2,
};

describe('response store', () => {
  it('pretty-prints JSON in main exactly as JSON.stringify(…, 2) and pages it', async () => {
    const store = new ResponseStore();
    const text = JSON.stringify(sample);
    const info = store.put(Buffer.from(text), 'application/json');
    expect(info.kind).toBe('json');
    const expected = JSON.stringify(JSON.parse(text), null, 2).split('\n');
    const page = await store.page(info.id, 'pretty', 0, 1000);
    expect(page).toMatchObject({ view: 'pretty', total: expected.length, complete: true });
    expect(page.lines).toEqual(expected);
    const slice = await store.page(info.id, 'pretty', 3, 2);
    expect(slice.lines).toEqual(expected.slice(3, 5));
  });

  it('searches in main, case-insensitive unless the query has capitals', async () => {
    const store = new ResponseStore();
    const info = store.put(Buffer.from(JSON.stringify(sample)), 'application/json');
    const pretty = JSON.stringify(sample, null, 2).split('\n');
    const hit = await store.search(info.id, 'pretty', 'grace@');
    expect(hit.lines.map((l) => pretty[l])).toEqual(['      "email": "grace@example.com",']);
    expect((await store.search(info.id, 'pretty', 'ADA')).matches).toBe(0);
    expect((await store.search(info.id, 'pretty', 'ada')).matches).toBe(1);
    expect((await store.search(info.id, 'raw', 'email')).lines).toEqual([0]);
  });

  it('falls back to raw lines for text that is not JSON, and says binary for bytes', async () => {
    const store = new ResponseStore();
    const broken = store.put(Buffer.from('{"a": [1, 2}'), 'application/json');
    const page = await store.page(broken.id, 'pretty', 0, 10);
    expect(page.view).toBe('raw');
    const text = store.put(Buffer.from('line 1\r\nline 2\nline 3'), 'text/plain');
    expect((await store.page(text.id, 'raw', 0, 10)).lines).toEqual(['line 1', 'line 2', 'line 3']);
    expect(store.put(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1]), 'image/png').kind).toBe('binary');
  });

  it('keeps only the last bodies', () => {
    const store = new ResponseStore({ maxBodies: 2 });
    const first = store.put(Buffer.from('1'), 'text/plain');
    store.put(Buffer.from('2'), 'text/plain');
    store.put(Buffer.from('3'), 'text/plain');
    expect(() => store.info(first.id)).toThrow(/no longer kept/);
  });

  it('serves the first pretty page of a large body before indexing ends', async () => {
    const store = new ResponseStore();
    const rows = Array.from({ length: 200_000 }, (_, i) => ({
      id: i,
      name: `row ${i}`,
      tags: ['a', 'b'],
    }));
    const info = store.put(Buffer.from(JSON.stringify(rows)), 'application/json');
    const page = await store.page(info.id, 'pretty', 0, 50);
    expect(page.lines[0]).toBe('[');
    expect(page.lines[2]).toBe('    "id": 0,');
    const last = await store.search(info.id, 'pretty', 'row 199999');
    expect(last.lines).toHaveLength(1);
  });

  it('counts the pretty text and line indexes, not only the bytes, against the memory limit', async () => {
    const body = rowsJson(MB);
    const store = new ResponseStore({
      spillDir: path.join(tempDir(), 'spill'),
      limits: () => ({ memoryBytes: 4.5 * MB, spillAboveBytes: 8 * MB }),
    });
    const first = collect(store, body);
    await store.page(first.id, 'pretty', 0, 1);
    await store.search(first.id, 'pretty', 'row 1');
    const one = store.memoryUsed();
    // Bytes, raw line index and the pretty text (indented, so larger than the body).
    expect(one).toBeGreaterThan(2 * body.length);
    // Two bodies' bytes would fit the limit; what they hold does not: the first one goes.
    expect(2 * body.length).toBeLessThan(4.5 * MB);
    expect(2 * one).toBeGreaterThan(4.5 * MB);
    // Room is made while the second body arrives, before it is complete.
    const arriving = store.collector();
    arriving.push(body.subarray(0, body.length / 2));
    expect(() => store.info(first.id)).toThrow(/no longer kept/);
    arriving.push(body.subarray(body.length / 2));
    const second = arriving.finish('application/json');
    await store.search(second.id, 'pretty', 'row 1');
    expect(store.info(second.id).size).toBe(body.length);
    expect(store.memoryUsed()).toBeLessThanOrEqual(4.5 * MB);
  });

  it('keeps a body above the per-response cap in a spill file, paged and searched from there', async () => {
    const spill = path.join(tempDir(), 'spill');
    const store = new ResponseStore({
      spillDir: spill,
      limits: () => ({ memoryBytes: 64 * MB, spillAboveBytes: 256 * 1024 }),
    });
    const body = rowsJson(2 * MB);
    const info = collect(store, body);
    expect(store.placement()).toEqual([
      { id: info.id, inMemory: false, bytes: expect.any(Number) },
    ]);
    const expected = JSON.stringify(JSON.parse(body.toString()), null, 2).split('\n');
    const page = await store.page(info.id, 'pretty', 1000, 50);
    expect(page.lines).toEqual(expected.slice(1000, 1050));
    expect((await store.page(info.id, 'pretty', 0, 1)).total).toBe(expected.length);
    expect(
      readdirSync(spill)
        .map((n) => n.split('.').pop())
        .sort(),
    ).toEqual(['body', 'pretty']);
    // In memory: the line indexes only, a fraction of the body.
    expect(store.memoryUsed()).toBeLessThan(body.length / 2);
    const hit = await store.search(info.id, 'pretty', 'user777@');
    expect(hit.lines.map((l) => expected[l])).toEqual(['    "email": "user777@example.com",']);
    expect((await store.search(info.id, 'raw', 'ROW 5')).matches).toBe(0);
    expect((await store.search(info.id, 'raw', 'row 5')).matches).toBeGreaterThan(1);
    expect(store.bytes(info.id).equals(body)).toBe(true);
  });

  it('finds a match across the boundary of two search chunks in a spilled body', async () => {
    const store = new ResponseStore({
      spillDir: path.join(tempDir(), 'spill'),
      limits: () => ({ memoryBytes: 64 * MB, spillAboveBytes: MB }),
    });
    const text = Buffer.alloc(5 * MB, 0x2e);
    text.write('\nNeedle', 4 * MB - 3);
    const info = collect(store, text, 'text/plain');
    expect(await store.search(info.id, 'raw', 'needle')).toMatchObject({ lines: [1], matches: 1 });
    expect(await store.search(info.id, 'raw', 'Needle')).toMatchObject({ lines: [1], matches: 1 });
  });

  it('deletes spill files on eviction, on close, and those of a dead run at start', async () => {
    const spill = path.join(tempDir(), 'spill');
    const limits = () => ({ memoryBytes: 64 * MB, spillAboveBytes: 64 * 1024 });
    // A run that died left a file behind (a real pid that has exited).
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    mkdirSync(spill, { recursive: true });
    writeFileSync(path.join(spill, `${dead}-left-over.body`), 'old');
    const store = new ResponseStore({ spillDir: spill, limits, maxBodies: 1 });
    expect(readdirSync(spill)).toEqual([]);
    const first = collect(store, rowsJson(MB));
    await store.page(first.id, 'pretty', 0, 10);
    const firstFiles = readdirSync(spill);
    expect(firstFiles).toHaveLength(2);
    // A second store of this same (running) process leaves them alone.
    new ResponseStore({ spillDir: spill, limits });
    expect(readdirSync(spill)).toHaveLength(2);
    collect(store, rowsJson(MB));
    await vi.waitFor(() =>
      expect(firstFiles.filter((f) => existsSync(path.join(spill, f)))).toEqual([]),
    );
    await store.close();
    expect(readdirSync(spill)).toEqual([]);
  });

  it('shows nesting deeper than it prints as raw lines, without growing', async () => {
    const store = new ResponseStore({ spillDir: path.join(tempDir(), 'spill') });
    const deep = Buffer.from('['.repeat(MAX_DEPTH + 2) + ']'.repeat(MAX_DEPTH + 2));
    const info = store.put(deep, 'application/json');
    const page = await store.page(info.id, 'pretty', 0, 10);
    expect(page.view).toBe('raw');
    expect(store.memoryUsed()).toBeLessThan(64 * 1024);
  });

  it('saves a spilled body to a new file in the save folder, never into an existing one', async () => {
    const saveDir = tempDir();
    const store = new ResponseStore({
      spillDir: path.join(tempDir(), 'spill'),
      limits: () => ({ memoryBytes: 64 * MB, spillAboveBytes: 64 * 1024 }),
    });
    const body = rowsJson(MB);
    const info = collect(store, body);
    writeFileSync(path.join(saveDir, 'body.json'), 'keep me');
    process.env.TOKEN_WORKBENCH_SAVE_DIR = saveDir;
    try {
      const saved = await saveResponseBody(store, info.id, '../body.json');
      expect(saved).toEqual({ path: path.join(saveDir, 'body (2).json'), bytes: body.length });
      process.env.TOKEN_WORKBENCH_SAVE_DIR = path.join(saveDir, 'body.json');
      await expect(saveResponseBody(store, info.id, 'x.json')).rejects.toThrow(
        /Folder for saved responses .*body\.json: it is a file, not a folder/,
      );
    } finally {
      delete process.env.TOKEN_WORKBENCH_SAVE_DIR;
    }
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(path.join(saveDir, 'body (2).json')).equals(body)).toBe(true);
    expect(readFileSync(path.join(saveDir, 'body.json'), 'utf8')).toBe('keep me');
  });
});
