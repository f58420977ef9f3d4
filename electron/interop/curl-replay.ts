import { execFile } from 'node:child_process';

export interface CurlReplay {
  status: number;
  /** The request headers curl sent (from --verbose), as `Name: value` lines. */
  sentHeaders: string[];
  body: string;
  json: Record<string, unknown> | null;
}

/**
 * Runs an exported command exactly as a user pastes it, in bash with the real /usr/bin/curl,
 * and reads the status curl saw (one `--write-out` appended). `env` sets the shell variables
 * the command names (e.g. CLIENT_SECRET).
 */
export function replayCurl(command: string, env: Record<string, string> = {}): Promise<CurlReplay> {
  const script = `${command} --verbose --max-time 10 --write-out '\\n%{http_code}'`;
  return new Promise((resolve, reject) => {
    execFile(
      '/bin/bash',
      ['-c', script],
      { env: { PATH: '/usr/bin:/bin', ...env }, timeout: 15_000, maxBuffer: 1024 * 1024 },
      (err, stdout, stderr) => {
        if (err) {
          reject(new Error(`curl failed (${err.code ?? err.name}): ${stderr.slice(0, 300)}`));
          return;
        }
        const cut = stdout.lastIndexOf('\n');
        const body = stdout.slice(0, cut);
        let json: Record<string, unknown> | null = null;
        try {
          json = JSON.parse(body) as Record<string, unknown>;
        } catch {
          json = null;
        }
        const sentHeaders = stderr
          .split('\n')
          .filter((line) => line.startsWith('> '))
          .map((line) => line.slice(2).trim());
        resolve({ status: Number(stdout.slice(cut + 1)), sentHeaders, body, json });
      },
    );
  });
}
