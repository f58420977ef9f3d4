import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { WorkbenchInputError } from '../errors';
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

export async function saveResponseBody(
  store: ResponseStore,
  bodyId: string,
  fileName: string,
): Promise<{ path: string; bytes: number }> {
  let bytes: Buffer;
  try {
    bytes = store.bytes(bodyId);
  } catch (err) {
    throw new WorkbenchInputError(err instanceof Error ? err.message : String(err), 'bodyId');
  }
  const dir = savedResponsesDir();
  await mkdir(dir, { recursive: true });
  const base = path.basename(fileName);
  const ext = path.extname(base);
  let target = path.join(dir, base);
  for (let i = 2; existsSync(target); i++) {
    target = path.join(dir, `${base.slice(0, base.length - ext.length)} (${i})${ext}`);
  }
  await writeFile(target, bytes, { flag: 'wx' });
  return { path: target, bytes: bytes.length };
}
