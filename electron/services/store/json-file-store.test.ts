import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterEach, describe, expect, it } from 'vitest';
import { HistoryService } from '../history-service';
import { ProfileService } from '../profile-service';
import { MemoryVault } from '../secret-vault';
import { SettingsService } from '../settings-service';
import { openJsonFileStore, STORE_FILE_NAME, writeFileAtomic } from './json-file-store';
import { CURRENT_STORE_VERSION } from './store-migrations';

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(path.join(os.tmpdir(), 'twb-store-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const profileEntry = (id: string, name: string) => ({
  id,
  createdAt: '2025-01-02T03:04:05.000Z',
  updatedAt: '2025-01-02T03:04:05.000Z',
  fields: {
    name,
    team: 'acme',
    cluster: 'eu-1',
    baseUrl: '',
    tokenUrl: '',
    clientId: `client-${id}`,
    grantType: 'client_credentials',
    authMethod: 'client_secret_basic',
    scopes: ['team.user-group-info:read'],
    paramsAs: 'form',
    basicEncoding: 'rfc6749',
    sandbox: false,
  },
});

/** The file the first release wrote (conf / electron-store: tab-indented JSON). */
const versionOneFile = {
  storeVersion: 1,
  profiles: [profileEntry('p1', 'Acme prod'), profileEntry('p2', 'Acme test')],
  settings: { timeoutSeconds: 45 },
  history: [{ note: 'a key another feature owns' }],
};

function write(dir: string, content: string | Buffer): string {
  const file = path.join(dir, STORE_FILE_NAME);
  writeFileSync(file, content);
  return file;
}

function profilesIn(dir: string) {
  const { store } = openJsonFileStore(dir);
  return new ProfileService({
    store,
    vault: new MemoryVault(null),
    sandboxUrl: () => null,
    now: () => new Date(),
  }).list();
}

describe('store file', () => {
  it('migrates a file written by version 1, keeping every profile, setting and foreign key', async () => {
    const dir = tempDir();
    write(dir, JSON.stringify(versionOneFile, null, '\t'));
    const { store, notices } = openJsonFileStore(dir);
    expect(notices).toEqual([]);
    expect(store.get('storeVersion')).toBe(CURRENT_STORE_VERSION);
    expect(store.get('history')).toBeUndefined();
    expect(store.history.entries()).toEqual(versionOneFile.history);
    const settings = new SettingsService({ store, vault: null, http: null }).get();
    expect(settings.timeoutSeconds).toBe(45);
    expect(settings.theme).toBe('system');
    const names = (await profilesIn(dir)).map((p) => p.name);
    expect(names).toEqual(['Acme prod', 'Acme test']);
    // The version 1 file is kept as it was.
    const backup = readFileSync(path.join(dir, 'workbench.v1-backup.json'), 'utf8');
    expect(JSON.parse(backup)).toEqual(versionOneFile);
    const onDisk = JSON.parse(readFileSync(path.join(dir, STORE_FILE_NAME), 'utf8'));
    expect(onDisk.storeVersion).toBe(CURRENT_STORE_VERSION);
  });

  const damaged: [string, () => Buffer, RegExp][] = [
    [
      'a truncated file',
      () => {
        const text = JSON.stringify(versionOneFile, null, '\t');
        // Cut inside the second profile: the first one and the version survive.
        return Buffer.from(text.slice(0, text.indexOf('Acme test') + 3));
      },
      /not valid JSON/,
    ],
    ['a file of random bytes', () => randomBytes(4096), /not valid JSON|JSON object/],
    ['an empty file', () => Buffer.alloc(0), /was empty/],
  ];

  for (const [label, bytes, reason] of damaged) {
    it(`sets ${label} aside with a timestamp, recovers what it can, and says so`, async () => {
      const dir = tempDir();
      const original = bytes();
      write(dir, original);
      const opened = openJsonFileStore(dir, { now: () => new Date('2025-06-07T08:09:10.123Z') });
      expect(opened.notices).toHaveLength(1);
      expect(opened.notices[0]).toMatch(reason);
      expect(opened.notices[0]).toContain('workbench.damaged-2025-06-07T08-09-10-123Z.json');
      const kept = path.join(dir, 'workbench.damaged-2025-06-07T08-09-10-123Z.json');
      expect(readFileSync(kept).equals(original)).toBe(true);
      // The store works again and the next start finds nothing wrong.
      opened.store.set('settings', { timeoutSeconds: 12 });
      const again = openJsonFileStore(dir);
      expect(again.notices).toEqual([]);
      expect(again.store.get('settings')).toEqual({ timeoutSeconds: 12 });
    });
  }

  it('recovers the complete profiles of a truncated file', async () => {
    const dir = tempDir();
    const text = JSON.stringify(versionOneFile, null, '\t');
    write(dir, text.slice(0, text.indexOf('Acme test') + 3));
    const { notices } = openJsonFileStore(dir);
    expect(notices[0]).toContain('Recovered from it: 1 profile');
    expect((await profilesIn(dir)).map((p) => p.name)).toEqual(['Acme prod']);
  });

  it('loses nothing when two windows (two stores on one file) write different keys', () => {
    const dir = tempDir();
    const a = openJsonFileStore(dir).store;
    const b = openJsonFileStore(dir).store;
    a.set('profiles', [profileEntry('p1', 'From window A')]);
    b.set('keptTokens', { p1: 'from window B' });
    a.set('settings', { timeoutSeconds: 9 });
    const c = openJsonFileStore(dir).store;
    expect(c.get('profiles')).toEqual([profileEntry('p1', 'From window A')]);
    expect(c.get('keptTokens')).toEqual({ p1: 'from window B' });
    expect(c.get('settings')).toEqual({ timeoutSeconds: 9 });
  });

  it('moves history out of a version 2 file into history.jsonl, keeping a backup', () => {
    const dir = tempDir();
    const entry = (id: string, at: number) => ({
      id,
      at,
      profileId: 'p1',
      profileName: 'Acme prod',
      kind: 'token',
      method: 'POST',
      url: `https://acme.eu-1.celonis.cloud/oauth2/token#${id}`,
      status: 200,
      outcome: 'ok',
      durationMs: 50,
      findings: 0,
      request: null,
      response: null,
      failure: null,
      diagnosis: [],
      resend: null,
    });
    const now = Date.now();
    const v2 = {
      storeVersion: 2,
      profiles: [profileEntry('p1', 'Acme prod')],
      settings: { timeoutSeconds: 20, historyRetentionDays: 30 },
      // Version 2 kept history newest first inside the store file.
      history: [entry('h3', now - 1000), entry('h2', now - 2000), entry('h1', now - 3000)],
    };
    write(dir, JSON.stringify(v2, null, '\t'));
    const opened = openJsonFileStore(dir);
    expect(opened.notices).toEqual([]);
    const backup = JSON.parse(readFileSync(path.join(dir, 'workbench.v2-backup.json'), 'utf8'));
    expect(backup).toEqual(v2);
    const onDisk = JSON.parse(readFileSync(path.join(dir, STORE_FILE_NAME), 'utf8'));
    expect(onDisk.history).toBeUndefined();
    expect(onDisk.storeVersion).toBe(CURRENT_STORE_VERSION);
    expect(onDisk.profiles).toEqual(v2.profiles);
    const lines = readFileSync(path.join(dir, 'history.jsonl'), 'utf8').trim().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as { id: string }).id)).toEqual(['h1', 'h2', 'h3']);
    const history = new HistoryService({
      log: opened.store.history,
      retentionDays: () => 30,
      now: Date.now,
    });
    expect(history.list().map((e) => e.id)).toEqual(['h3', 'h2', 'h1']);
    // Opening again changes nothing; a migration interrupted after the log was written (the old
    // file back in place) does not add the entries twice.
    expect(openJsonFileStore(dir).store.history.entries()).toHaveLength(3);
    write(dir, JSON.stringify(v2, null, '\t'));
    expect(openJsonFileStore(dir).store.history.entries()).toHaveLength(3);
  });

  it('reads settings from memory and writes nothing when a value does not change', () => {
    const dir = tempDir();
    let writes = 0;
    const { store } = openJsonFileStore(dir, {
      write: (file, text) => {
        writes++;
        writeFileAtomic(file, text);
      },
    });
    writes = 0;
    store.set('settings', { timeoutSeconds: 9 });
    store.set('settings', { timeoutSeconds: 9 });
    for (let i = 0; i < 100; i++) store.get('settings');
    expect(writes).toBe(1);
  });

  it('leaves a readable store when a writing process is killed mid-write', async () => {
    const dir = tempDir();
    const writer = path.join(dir, 'writer.mjs');
    await build({
      stdin: {
        contents: `
          import { openJsonFileStore } from ${JSON.stringify(path.resolve(import.meta.dirname, 'json-file-store.ts'))};
          const { store } = openJsonFileStore(process.argv[2]);
          const big = 'x'.repeat(200_000);
          for (let i = 0; ; i++) {
            store.set('profiles', Array.from({ length: 20 }, (_, n) => ({ id: 'p' + n, i, big })));
            if (i === 5) process.stdout.write('writing\\n');
          }`,
        resolveDir: import.meta.dirname,
        loader: 'ts',
      },
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: writer,
      logLevel: 'silent',
    });
    const dataDir = path.join(dir, 'data');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(dataDir);
    for (let round = 0; round < 3; round++) {
      const child = spawn(process.execPath, [writer, dataDir], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
      await new Promise((r) => setTimeout(r, 30 + round * 20));
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      const opened = openJsonFileStore(dataDir);
      expect(opened.notices).toEqual([]);
      const profiles = opened.store.get('profiles') as { i: number }[];
      expect(profiles).toHaveLength(20);
      expect(new Set(profiles.map((p) => p.i)).size).toBe(1);
    }
    // The only files: the store itself and perhaps a killed writer's temp file.
    const left = readdirSync(dataDir).filter((n) => !n.startsWith(`${STORE_FILE_NAME}.tmp-`));
    expect(left).toEqual([STORE_FILE_NAME]);
  });
});
