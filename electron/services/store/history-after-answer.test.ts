import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterEach, describe, expect, it } from 'vitest';
import { HISTORY_MAX_ENTRIES, HistoryService, type NewHistoryEntry } from '../history-service';
import { HISTORY_PENDING_LINES, JsonLinesLog } from './history-log';

const run = promisify(execFile);
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const d = mkdtempSync(path.join(os.tmpdir(), 'twb-history-after-'));
  dirs.push(d);
  return d;
}

const SECRET = 'after-answer-secret-0123456789';

function call(url: string): NewHistoryEntry {
  return {
    profileId: 'p1',
    profileName: 'Acme',
    kind: 'token',
    method: 'POST',
    url,
    status: 200,
    outcome: 'ok',
    durationMs: 5,
    request: {
      method: 'POST',
      url,
      headers: [['content-type', 'application/x-www-form-urlencoded']],
      body: {
        contentType: 'application/x-www-form-urlencoded',
        text: `grant_type=client_credentials&client_secret=${SECRET}`,
      },
    },
    response: null,
    failure: null,
    diagnosis: [],
    resend: null,
  };
}

const lines = (file: string) =>
  existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('history written after the answer', () => {
  it('lists a call as soon as add returns, and writes it on the next turn, in order, masked', async () => {
    const file = path.join(tempDir(), 'history.jsonl');
    const history = new HistoryService({
      log: new JsonLinesLog(file),
      retentionDays: () => 30,
      now: Date.now,
    });
    const ids = ['one', 'two', 'three'].map((u) => history.add(call(u), [SECRET]).id);
    // Nothing on disk yet: the caller got its answer before any file work.
    expect(lines(file)).toEqual([]);
    await nextTurn();
    const written = lines(file).map((l) => JSON.parse(l) as { id: string; url: string });
    expect(written.map((e) => e.url)).toEqual(['one', 'two', 'three']);
    expect(written.map((e) => e.id)).toEqual(ids);
    expect(readFileSync(file, 'utf8')).not.toContain(SECRET);

    const more = history.add(call('four'), [SECRET]);
    // A read right after the call serves it from memory (and writes it first).
    expect(history.list().map((e) => e.url)).toEqual(['four', 'three', 'two', 'one']);
    expect(history.get(more.id)?.request?.body?.text).not.toContain(SECRET);
    expect(lines(file)).toHaveLength(4);
  });

  it('keeps the memory waiting for the disk bounded in a burst without a turn of the loop', () => {
    const file = path.join(tempDir(), 'history.jsonl');
    const history = new HistoryService({
      log: new JsonLinesLog(file),
      retentionDays: () => 30,
      now: Date.now,
    });
    const burst = HISTORY_PENDING_LINES + 40;
    for (let i = 0; i < burst; i++) history.add(call(`burst-${i}`), [SECRET]);
    // No turn of the event loop has passed: the bounds wrote what came in.
    expect(lines(file).length).toBeGreaterThanOrEqual(HISTORY_PENDING_LINES);
    expect(history.list()).toHaveLength(HISTORY_MAX_ENTRIES);
    expect(history.list()[0]?.url).toBe(`burst-${burst - 1}`);
  });

  it('goes on when the history file cannot be read after the answer, and says why', async () => {
    const dir = tempDir();
    // A folder where the history file should be: reading it fails.
    const history = new HistoryService({
      log: new JsonLinesLog(dir),
      retentionDays: () => 30,
      now: Date.now,
    });
    expect(history.add(call('unreadable'), [SECRET]).id).toBeTruthy();
    await nextTurn();
    expect(history.problem).toMatch(/EISDIR/);
    expect(() => history.list()).toThrow(/EISDIR/);
  });

  it('writes what waits when the process exits right after a call', async () => {
    const dir = tempDir();
    const script = path.join(dir, 'exit-writer.mjs');
    await build({
      stdin: {
        contents: `
          import { HistoryService } from ${JSON.stringify(path.resolve(import.meta.dirname, '../history-service.ts'))};
          import { JsonLinesLog } from ${JSON.stringify(path.resolve(import.meta.dirname, 'history-log.ts'))};
          const history = new HistoryService({
            log: new JsonLinesLog(process.argv[2]),
            retentionDays: () => 30,
            now: Date.now,
          });
          history.add(${JSON.stringify(call('just before exit'))}, [${JSON.stringify(SECRET)}]);
          process.exit(0);`,
        resolveDir: import.meta.dirname,
        loader: 'ts',
      },
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: script,
      logLevel: 'silent',
    });
    const file = path.join(dir, 'history.jsonl');
    await run(process.execPath, [script, file], { timeout: 30_000 });
    const written = lines(file);
    expect(written).toHaveLength(1);
    expect(written[0]).toContain('just before exit');
    expect(written[0]).not.toContain(SECRET);
  }, 60_000);
});
