import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { WorkbenchInputError } from '../errors';
import { createNewUserFile, ensureUserFolder, userFileName } from '../safe-file';
import type { ResponseStore } from './response-store';

/**
 * Where saved responses go: `TOKEN_WORKBENCH_SAVE_DIR`, else Downloads/Token Workbench in the
 * home folder. The renderer names the file only, never the folder.
 */
export function savedResponsesDir(): string {
  const configured = process.env.TOKEN_WORKBENCH_SAVE_DIR;
  if (configured) return configured;
  const downloads = path.join(os.homedir(), 'Downloads');
  return path.join(existsSync(downloads) ? downloads : os.homedir(), 'Token Workbench');
}

/**
 * Writes a stored body to a new file in the save folder (streamed, from memory or its spill
 * file). The folder must be a folder and the file is always new: nothing existing (a FIFO, a
 * link, another save) is followed or replaced.
 */
export async function saveResponseBody(
  store: ResponseStore,
  bodyId: string,
  fileName: string,
): Promise<{ path: string; bytes: number }> {
  let bytes: number;
  try {
    bytes = store.info(bodyId).size;
  } catch (err) {
    throw new WorkbenchInputError(err instanceof Error ? err.message : String(err), 'bodyId');
  }
  const name = userFileName(fileName, { field: 'fileName', label: 'File name' });
  const dir = await ensureUserFolder(savedResponsesDir(), {
    field: 'TOKEN_WORKBENCH_SAVE_DIR',
    label: 'Folder for saved responses',
  });
  const { path: target, handle } = await createNewUserFile(dir, name, {
    field: 'fileName',
    label: 'Saved response',
  });
  try {
    await pipeline(store.readStream(bodyId), handle.createWriteStream());
  } finally {
    await handle.close().catch(() => undefined);
  }
  return { path: target, bytes };
}
