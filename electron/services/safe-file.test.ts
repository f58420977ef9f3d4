import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryStore } from './data-store';
import { WorkbenchInputError } from './errors';
import {
  createNewUserFile,
  ensureUserFolder,
  openUserTarget,
  PEM_FILE_LIMIT,
  readUserFile,
  userFileName,
} from './safe-file';
import { SettingsService } from './settings-service';

let dir: string;
let fifo: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'twb-safe-file-'));
  fifo = path.join(dir, 'pipe');
  execFileSync('mkfifo', [fifo]);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const at = { field: 'network.caFile', label: 'CA certificates file' };

/** What `updateSettings {"network":{"caFile": …}}` answers, through the real settings service. */
async function chooseCaFile(file: string): Promise<WorkbenchInputError> {
  const settings = new SettingsService({ store: memoryStore(), vault: null, http: null });
  const err = await settings.update({ network: { caFile: file } }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(WorkbenchInputError);
  expect((err as WorkbenchInputError).field).toBe('network.caFile');
  return err as WorkbenchInputError;
}

describe('paths the user gives', () => {
  it('refuses /dev/zero as a CA file without reading it', async () => {
    const before = process.memoryUsage().rss;
    const err = await chooseCaFile('/dev/zero');
    expect(err.message).toBe(
      'CA certificates file /dev/zero: it is a device; choose a regular file',
    );
    // Nothing was read: not even the 1 MB cap's worth.
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
  });

  it('refuses a FIFO without waiting for a writer', async () => {
    const err = await chooseCaFile(fifo);
    expect(err.message).toMatch(/named pipe \(FIFO\); choose a regular file/);
  });

  it('refuses a folder', async () => {
    const err = await chooseCaFile(dir);
    expect(err.message).toMatch(/it is a folder; choose a regular file|it is a folder, not a file/);
  });

  it('refuses a file over the cap, and says how large it is', async () => {
    const big = path.join(dir, 'big.pem');
    writeFileSync(big, Buffer.alloc(PEM_FILE_LIMIT + 1, 0x41));
    const err = await chooseCaFile(big);
    expect(err.message).toMatch(/it is 1\.0 MB; at most 1\.0 MB is accepted/);
    // Exactly at the cap is read.
    writeFileSync(big, Buffer.alloc(PEM_FILE_LIMIT, 0x41));
    expect((await readUserFile(big, { ...at, maxBytes: PEM_FILE_LIMIT })).length).toBe(
      PEM_FILE_LIMIT,
    );
  });

  it('names a missing file and an empty path', async () => {
    expect((await chooseCaFile(path.join(dir, 'missing.pem'))).message).toMatch(/no such file/);
    await expect(readUserFile('  ', { ...at, maxBytes: 10 })).rejects.toThrow(/full path/);
  });

  it('save folder: refuses a file, a FIFO or a device as the folder, creates a missing one', async () => {
    const saveAt = { field: 'saveDir', label: 'Folder for saved responses' };
    const file = path.join(dir, 'plain.txt');
    writeFileSync(file, 'x');
    await expect(ensureUserFolder(file, saveAt)).rejects.toThrow(/it is a file, not a folder/);
    await expect(ensureUserFolder(fifo, saveAt)).rejects.toThrow(/named pipe/);
    await expect(ensureUserFolder('/dev/null', saveAt)).rejects.toThrow(/a device, not a folder/);
    const fresh = path.join(dir, 'new', 'folder');
    expect(await ensureUserFolder(fresh, saveAt)).toBe(fresh);
  });

  it('save file: never writes into an existing FIFO or file, picks the next free name', async () => {
    const saveAt = { field: 'fileName', label: 'Saved response' };
    const folder = path.join(dir, 'saves');
    mkdirSync(folder);
    execFileSync('mkfifo', [path.join(folder, 'body.json')]);
    const { path: target, handle } = await createNewUserFile(folder, 'body.json', saveAt);
    await handle.writeFile('{}');
    await handle.close();
    expect(path.basename(target)).toBe('body (2).json');
    expect(readFileSync(target, 'utf8')).toBe('{}');
    expect(userFileName('../../etc/passwd', saveAt)).toBe('passwd');
    expect(() => userFileName('..', saveAt)).toThrow(/is not a file name/);
  });

  it('save-dialog target: replaces a regular file, refuses a FIFO, a device or a folder', async () => {
    const saveAt = { field: 'path', label: 'Save response to' };
    const target = path.join(dir, 'chosen.json');
    writeFileSync(target, 'old content that is longer');
    const handle = await openUserTarget(target, saveAt);
    await handle.writeFile('{}');
    await handle.close();
    expect(readFileSync(target, 'utf8')).toBe('{}');
    await expect(openUserTarget(fifo, saveAt)).rejects.toThrow(/named pipe \(FIFO\)/);
    await expect(openUserTarget('/dev/null', saveAt)).rejects.toThrow(/a device; choose a file/);
    await expect(openUserTarget(dir, saveAt)).rejects.toThrow(/folder/);
  });
});
