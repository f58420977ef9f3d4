import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';

export const APP_NAME = 'Token Workbench';

export interface LaunchOptions {
  dataDir: string;
  port: number;
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
  const portText = valueOf('--port') ?? '0';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be a whole number from 0 to 65535 (got "${portText}")`);
  }
  return { dataDir: path.resolve(dir), port, open: !argv.includes('--no-open') };
}

/** Keychain service name: one per data dir, so separate data dirs never share secrets. */
export function keychainService(dataDir: string): string {
  const hash = createHash('sha256').update(dataDir).digest('hex').slice(0, 8);
  return `${APP_NAME} [${hash}]`;
}
