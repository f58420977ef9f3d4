import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';

export const APP_NAME = 'Token Workbench';

export interface LaunchOptions {
  dataDir: string;
  port: number;
  /** No --port given: the port to try first (see preferredPort), then any free one. */
  preferredPort?: number;
  open: boolean;
}

/** Where Electron keeps userData for this app, so both hosts share one data dir by default. */
export function defaultDataDir(): string {
  const home = os.homedir();
  if (process.platform === 'darwin')
    return path.join(home, 'Library', 'Application Support', APP_NAME);
  if (process.platform === 'win32') {
    return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_NAME);
  }
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_NAME);
}

/** Reads `--data-dir <dir>`, `--port <n>`, `--no-open` and TOKEN_WORKBENCH_DATA_DIR. */
export function parseLaunchOptions(argv: readonly string[], env: NodeJS.ProcessEnv): LaunchOptions {
  const valueOf = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    if (i >= 0) {
      const v = argv[i + 1];
      if (v === undefined || v.startsWith('--')) throw new Error(`${flag} needs a value`);
      return v;
    }
    const eq = argv.find((a) => a.startsWith(`${flag}=`));
    return eq?.slice(flag.length + 1);
  };
  const dir = valueOf('--data-dir') ?? env.TOKEN_WORKBENCH_DATA_DIR ?? defaultDataDir();
  const portText = valueOf('--port');
  const port = Number(portText ?? '0');
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be a whole number from 0 to 65535 (got "${portText}")`);
  }
  const dataDir = path.resolve(dir);
  return {
    dataDir,
    port,
    ...(portText === undefined ? { preferredPort: preferredPort(dataDir) } : {}),
    open: !argv.includes('--no-open'),
  };
}

/** The range the browser host's own port comes from when no --port is given. */
export const PREFERRED_PORTS = { first: 41000, count: 8000 } as const;

/**
 * The browser host's port for a data dir when no --port is given: the same one every start, so
 * the page's origin stays the same and what it keeps in the browser (the sidebar's width, the
 * request split) is still there after a restart. Taken only when free (else any free port).
 */
export function preferredPort(dataDir: string): number {
  const hash = createHash('sha256').update(dataDir).digest().readUInt32BE(0);
  return PREFERRED_PORTS.first + (hash % PREFERRED_PORTS.count);
}

/** Keychain service name: one per data dir, so separate data dirs never share secrets. */
export function keychainService(dataDir: string): string {
  const hash = createHash('sha256').update(dataDir).digest('hex').slice(0, 8);
  return `${APP_NAME} [${hash}]`;
}
