// Starts the built browser host as a child process on a data dir and waits for its one line
// `Token Workbench is running at <url>`. Used by the e2e fixtures, the screenshot script and
// the benchmark.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function startBrowserHostProcess({ dataDir, env = {}, timeoutMs = 30_000 }) {
  const child = spawn(
    process.execPath,
    [
      path.join(root, 'dist/electron/browser-host.js'),
      '--no-open',
      '--port',
      '0',
      '--data-dir',
      dataDir,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } },
  );
  let out = '';
  const url = new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`browser host did not start:\n${out}`)),
      timeoutMs,
    );
    child.stdout.on('data', (c) => {
      out += c.toString('utf8');
      const m = /Token Workbench is running at (\S+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.stderr.on('data', (c) => (out += c.toString('utf8')));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`browser host exited with ${code}:\n${out}`));
    });
  });
  return {
    child,
    url,
    output: () => out,
    stop: () => {
      if (child.exitCode === null) child.kill('SIGTERM');
    },
  };
}
