import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  HISTORY_LINE_BYTES,
  HISTORY_MAX_ENTRIES,
  HISTORY_PRUNE_SLACK,
  HistoryService,
  maskTokenFields,
  type NewHistoryEntry,
} from './history-service';
import { writeFileAtomic } from './store/atomic-file';
import { JsonLinesLog, memoryHistoryLog } from './store/history-log';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function historyFile(): string {
  const d = mkdtempSync(path.join(os.tmpdir(), 'twb-history-'));
  dirs.push(d);
  return path.join(d, 'history.jsonl');
}

const SECRET = 'z/tZ9VwFZqApmIQ+ZH1I5pLk/uB4ud:X2/8bL+wfFTt1rFw=';
const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzYW5kYm94In0.c2lnbmF0dXJl';

function tokenCall(at = 0): NewHistoryEntry {
  return {
    profileId: 'p1',
    profileName: 'Acme',
    kind: 'token',
    method: 'POST',
    url: 'https://acme.eu-1.celonis.cloud/oauth2/token',
    status: 200,
    outcome: 'ok',
    durationMs: 80 + at,
    request: {
      method: 'POST',
      url: 'https://acme.eu-1.celonis.cloud/oauth2/token',
      headers: [['Authorization', `Basic ${Buffer.from(`id:${SECRET}`).toString('base64')}`]],
      body: {
        contentType: 'application/x-www-form-urlencoded',
        text: `grant_type=client_credentials&client_secret=${encodeURIComponent(SECRET)}`,
      },
    },
    response: {
      status: 200,
      statusText: 'OK',
      headers: [['content-type', 'application/json']],
      bodyText: `{"access_token":"${TOKEN}","refresh_token":"r-123456","token_type":"Bearer","expires_in":899}`,
      size: 100,
      truncated: false,
      contentType: 'application/json',
      timings: { totalMs: 80 },
    },
    failure: null,
    diagnosis: [],
    resend: null,
  };
}

describe('history', () => {
  it('persists newest first with no secret and no token in clear', () => {
    const file = historyFile();
    const history = new HistoryService({
      log: new JsonLinesLog(file),
      retentionDays: () => 30,
      now: Date.now,
    });
    history.add(tokenCall(), [SECRET, TOKEN]);
    history.add({ ...tokenCall(1), url: 'second' }, [SECRET, TOKEN]);
    history.flush();
    const persisted = readFileSync(file, 'utf8');
    expect(persisted.split('\n')).toHaveLength(3);
    for (const needle of [SECRET, encodeURIComponent(SECRET), TOKEN, 'r-123456']) {
      expect(persisted).not.toContain(needle);
    }
    expect(history.list().map((e) => e.url)).toEqual([
      'second',
      'https://acme.eu-1.celonis.cloud/oauth2/token',
    ]);
    const entry = history.get(history.list()[1]?.id ?? '');
    expect(entry?.request?.headers[0]).toEqual(['Authorization', 'Basic ••••••']);
    expect(entry?.response?.bodyText).toContain('"access_token":"••••••"');
  });

  it('keeps the retention period and clears', () => {
    let now = 0;
    const history = new HistoryService({
      log: memoryHistoryLog(),
      retentionDays: () => 1,
      now: () => now,
    });
    history.add(tokenCall(), []);
    now = 2 * 24 * 3600 * 1000;
    history.add(tokenCall(), []);
    expect(history.list()).toHaveLength(1);
    expect(history.clear()).toBe(1);
    expect(history.list()).toEqual([]);
  });

  it('masks token members of any JSON body', () => {
    expect(maskTokenFields('{"id_token": "a.b.c", "scope":"x"}')).toBe(
      '{"id_token": "••••••", "scope":"x"}',
    );
  });

  it('appends one line per call and prunes the file rarely, keeping it bounded', () => {
    const file = historyFile();
    let rewrites = 0;
    const log = new JsonLinesLog(file, (f, text) => {
      rewrites++;
      writeFileAtomic(f, text);
    });
    let now = 1_000;
    const history = new HistoryService({ log, retentionDays: () => 30, now: () => now });
    const calls = HISTORY_MAX_ENTRIES + 3 * HISTORY_PRUNE_SLACK;
    let largest = 0;
    for (let i = 0; i < calls; i++) {
      now++;
      history.add({ ...tokenCall(), url: `call-${i}` }, []);
      history.flush();
      largest = Math.max(largest, readFileSync(file, 'utf8').split('\n').length - 1);
    }
    // One rewrite per HISTORY_PRUNE_SLACK calls once the file is full, none before.
    expect(rewrites).toBe(3);
    expect(largest).toBeLessThan(HISTORY_MAX_ENTRIES + HISTORY_PRUNE_SLACK);
    expect(history.list()).toHaveLength(HISTORY_MAX_ENTRIES);
    expect(history.list()[0]?.url).toBe(`call-${calls - 1}`);
    // A new process reads the same entries back from the file.
    const again = new HistoryService({
      log: new JsonLinesLog(file),
      retentionDays: () => 30,
      now: () => now,
    });
    expect(again.list().map((e) => e.url)).toEqual(history.list().map((e) => e.url));
  });

  it('skips a line torn by a crash and goes on appending after it', () => {
    const file = historyFile();
    const first = new HistoryService({
      log: new JsonLinesLog(file),
      retentionDays: () => 30,
      now: Date.now,
    });
    first.add({ ...tokenCall(), url: 'before the crash' }, []);
    first.flush();
    const whole = readFileSync(file, 'utf8');
    // A process killed mid-append leaves half a line without its newline.
    appendFileSync(file, whole.slice(0, Math.floor(whole.length / 2)));
    const next = new HistoryService({
      log: new JsonLinesLog(file),
      retentionDays: () => 30,
      now: Date.now,
    });
    expect(next.list().map((e) => e.url)).toEqual(['before the crash']);
    next.add({ ...tokenCall(), url: 'after the crash' }, []);
    next.flush();
    const third = new HistoryService({
      log: new JsonLinesLog(file),
      retentionDays: () => 30,
      now: Date.now,
    });
    expect(third.list().map((e) => e.url)).toEqual(['after the crash', 'before the crash']);
  });

  it('keeps a line within its size bound however large the bodies are', () => {
    const file = historyFile();
    const history = new HistoryService({
      log: new JsonLinesLog(file),
      retentionDays: () => 30,
      now: Date.now,
    });
    const call = tokenCall();
    const control = '\u0001'.repeat(200_000);
    history.add(
      {
        ...call,
        request: call.request && {
          ...call.request,
          body: { contentType: 'text/plain', text: control },
        },
        response: call.response && { ...call.response, bodyText: control },
      },
      [],
    );
    history.flush();
    expect(statSync(file).size).toBeLessThanOrEqual(HISTORY_LINE_BYTES + 1);
    expect(history.get(history.list()[0]?.id ?? '')?.response?.truncated).toBe(true);
  });

  it('clears the file', () => {
    const file = historyFile();
    const history = new HistoryService({
      log: new JsonLinesLog(file),
      retentionDays: () => 30,
      now: Date.now,
    });
    history.add(tokenCall(), []);
    expect(history.clear()).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe('');
    expect(history.list()).toEqual([]);
  });
});
