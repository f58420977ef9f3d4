import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyProfileFields } from '../../../shared/profile';
import { createHandlers } from '../../handlers';
import { startSandbox, type Sandbox } from '../sandbox';
import { MemoryVault } from '../secret-vault';
import { createServices } from '../services';
import { writeFileAtomic } from './atomic-file';
import { openJsonFileStore, STORE_FILE_NAME } from './json-file-store';

const secret = 'fake-secret-for-tests-store-writes';
let sandbox: Sandbox;
let dir: string;

beforeAll(async () => {
  sandbox = await startSandbox({ clientSecret: secret });
  dir = mkdtempSync(path.join(os.tmpdir(), 'twb-writes-'));
});
afterAll(async () => {
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * Counts the whole-file writes the real store makes (its one write function, wrapped) while the
 * real handler table gets a token from the sandbox; history goes to its own file by appends.
 */
describe('store writes per Get token', () => {
  it('writes the profile store at most once per Get token (not at all with nothing to keep)', async () => {
    const written: string[] = [];
    const { store } = openJsonFileStore(dir, {
      write: (file, text) => {
        written.push(path.basename(file));
        writeFileAtomic(file, text);
      },
    });
    const services = createServices(store, new MemoryVault(null));
    const handlers = createHandlers(services, () => ({
      host: 'browser',
      version: 'test',
      dataDir: dir,
      secretStorage: 'memory',
      keychainProblem: null,
      storeNotices: [],
    }));
    const profile = await services.profiles.save({
      fields: {
        ...emptyProfileFields,
        name: 'Writes',
        baseUrl: sandbox.url,
        clientId: 'sandbox-basic',
      },
      clientSecret: secret,
    });
    const storeFile = path.join(dir, STORE_FILE_NAME);
    const historyFile = path.join(dir, 'history.jsonl');
    const getToken = async (n: number) => {
      written.length = 0;
      const inode = statSync(storeFile).ino;
      const result = await handlers.getToken({ profileId: profile.id, requestId: `writes-${n}` });
      expect(result.token?.accessToken).toBeTruthy();
      return { writes: written.filter((f) => f === STORE_FILE_NAME).length, inode };
    };

    for (let n = 0; n < 3; n++) {
      const { writes, inode } = await getToken(n);
      expect(writes).toBe(0);
      expect(statSync(storeFile).ino).toBe(inode);
    }
    // Every call is in history: one appended line each, no rewrite of the history file.
    expect(written).not.toContain('history.jsonl');
    // Appended after each answer, on the next turn of the event loop; flush writes it now.
    services.history.flush();
    expect(readFileSync(historyFile, 'utf8').trim().split('\n')).toHaveLength(3);

    // Keeping tokens across restarts stores the token's metadata: one write per Get token.
    await services.settings.update({ keepTokens: true });
    for (let n = 3; n < 6; n++) {
      const { writes } = await getToken(n);
      expect(writes).toBeLessThanOrEqual(1);
    }
    await services.close();
  });
});
