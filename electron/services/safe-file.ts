import { constants, type Stats } from 'node:fs';
import { mkdir, open, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { WorkbenchInputError } from './errors';

/**
 * Every path the user can give (the CA certificates file, the folder responses are saved to)
 * goes through here: only regular files and folders, read asynchronously and never past a size
 * cap, so /dev/zero, a FIFO or a huge file is refused with an error naming the field instead of
 * blocking or filling memory.
 */

/** PEM bundles are a few hundred KB at most. */
export const PEM_FILE_LIMIT = 1024 * 1024;

export interface UserPath {
  /** The field the path came from, for the error (`network.caFile`). */
  field: string;
  /** What the path is, in the user's words (`CA certificates file`). */
  label: string;
}

function kindOf(s: Stats): string {
  if (s.isDirectory()) return 'a folder';
  if (s.isFIFO()) return 'a named pipe (FIFO)';
  if (s.isCharacterDevice() || s.isBlockDevice()) return 'a device';
  if (s.isSocket()) return 'a socket';
  return 'not a regular file';
}

function mb(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(bytes < 1024 * 1024 ? 2 : 1)} MB`;
}

function openError(err: unknown, file: string, at: UserPath): WorkbenchInputError {
  const code = (err as NodeJS.ErrnoException).code;
  const why =
    code === 'ENOENT' || code === 'ENOTDIR'
      ? 'no such file'
      : code === 'EACCES' || code === 'EPERM'
        ? 'no permission to read it'
        : code === 'EISDIR'
          ? 'it is a folder, not a file'
          : code === 'ELOOP'
            ? 'too many symbolic links'
            : (code ?? 'unreadable');
  return new WorkbenchInputError(`${at.label} ${file}: ${why}`, at.field);
}

/** Reads a regular file of at most maxBytes; anything else is refused naming the field. */
export async function readUserFile(
  file: string,
  at: UserPath & { maxBytes: number },
): Promise<Buffer> {
  if (file.trim() === '' || file.includes('\0')) {
    throw new WorkbenchInputError(`${at.label}: enter the full path of a file`, at.field);
  }
  let handle: FileHandle;
  try {
    // Non-blocking: opening a FIFO with no writer would otherwise wait forever.
    handle = await open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    throw openError(err, file, at);
  }
  try {
    const s = await handle.stat();
    if (!s.isFile()) {
      throw new WorkbenchInputError(
        `${at.label} ${file}: it is ${kindOf(s)}; choose a regular file`,
        at.field,
      );
    }
    const tooLarge = (size: number) =>
      new WorkbenchInputError(
        `${at.label} ${file}: it is ${mb(size)}; at most ${mb(at.maxBytes)} is accepted`,
        at.field,
      );
    if (s.size > at.maxBytes) throw tooLarge(s.size);
    // Never trust the size alone (a file that grows, /proc files that say 0): read one byte
    // more than the cap at most.
    const buf = Buffer.alloc(at.maxBytes + 1);
    let length = 0;
    while (length < buf.length) {
      const { bytesRead } = await handle.read(buf, length, buf.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > at.maxBytes) throw tooLarge(length);
    return buf.subarray(0, length);
  } finally {
    await handle.close();
  }
}

/** A folder the user named: created when missing, refused when it is anything but a folder. */
export async function ensureUserFolder(dir: string, at: UserPath): Promise<string> {
  if (dir.trim() === '' || dir.includes('\0')) {
    throw new WorkbenchInputError(`${at.label}: enter the full path of a folder`, at.field);
  }
  const full = path.resolve(dir);
  try {
    const s = await stat(full);
    if (!s.isDirectory()) {
      throw new WorkbenchInputError(
        `${at.label} ${full}: it is ${s.isFile() ? 'a file' : kindOf(s)}, not a folder`,
        at.field,
      );
    }
    return full;
  } catch (err) {
    if (err instanceof WorkbenchInputError) throw err;
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw openError(err, full, at);
  }
  try {
    await mkdir(full, { recursive: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'unwritable';
    throw new WorkbenchInputError(`${at.label} ${full}: cannot be created (${code})`, at.field);
  }
  return full;
}

/** A file name the user typed, as a plain name inside a folder (no folders, no dots only). */
export function userFileName(name: string, at: UserPath): string {
  const base = path.basename(name.replace(/\\/g, '/')).trim();
  // eslint-disable-next-line no-control-regex -- control characters have no place in a file name
  if (base === '' || base === '.' || base === '..' || /[\u0000-\u001f]/.test(base)) {
    throw new WorkbenchInputError(
      `${at.label}: "${name.slice(0, 80)}" is not a file name`,
      at.field,
    );
  }
  return base.slice(0, 200);
}

/**
 * Creates a new file in a folder, never replacing or following anything that is already there
 * (a FIFO, a link): `name`, else `name (2)`, `name (3)`...
 */
export async function createNewUserFile(
  dir: string,
  name: string,
  at: UserPath,
): Promise<{ path: string; handle: FileHandle }> {
  const ext = path.extname(name);
  const stem = name.slice(0, name.length - ext.length);
  for (let i = 1; i < 1000; i++) {
    const target = path.join(dir, i === 1 ? name : `${stem} (${i})${ext}`);
    try {
      return { path: target, handle: await open(target, 'wx') };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') continue;
      const code = (err as NodeJS.ErrnoException).code ?? 'unwritable';
      throw new WorkbenchInputError(`${at.label} ${target}: cannot be written (${code})`, at.field);
    }
  }
  throw new WorkbenchInputError(`${at.label}: too many files named ${name} in ${dir}`, at.field);
}

/**
 * Opens a file the user chose in a save dialog (which already asked about replacing it): only a
 * regular file is written or replaced; a FIFO, device or folder at that path is refused
 * (opened non-blocking, so a FIFO without a reader fails at once instead of hanging).
 */
export async function openUserTarget(file: string, at: UserPath): Promise<FileHandle> {
  let handle: FileHandle;
  try {
    handle = await open(
      file,
      constants.O_WRONLY | constants.O_CREAT | (constants.O_NONBLOCK ?? 0),
      0o644,
    );
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENXIO') {
      throw new WorkbenchInputError(`${at.label} ${file}: it is a named pipe (FIFO)`, at.field);
    }
    throw openError(err, file, at);
  }
  const s = await handle.stat();
  if (!s.isFile()) {
    await handle.close();
    throw new WorkbenchInputError(
      `${at.label} ${file}: it is ${kindOf(s)}; choose a file`,
      at.field,
    );
  }
  await handle.truncate(0);
  return handle;
}
