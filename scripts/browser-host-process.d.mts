import type { ChildProcess } from 'node:child_process';

export declare function startBrowserHostProcess(options: {
  dataDir: string;
  env?: Record<string, string>;
  timeoutMs?: number;
}): { child: ChildProcess; url: Promise<string>; output: () => string; stop: () => void };
