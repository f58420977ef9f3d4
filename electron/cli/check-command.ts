import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkExitCode } from '../../shared/client-check/check-summary';
import type { CheckStep } from '../../shared/client-check/check-types';
import { verdictWords } from '../../shared/client-check/report-model';
import { renderReport } from '../services/client-check/check-operations';
import { CliUsageError, type CliIo } from './cli-io';
import type { CliSession } from './cli-session';

export interface CheckOptions {
  report?: string;
  scopeProbe: boolean;
  json?: boolean;
}

const icons: Record<CheckStep['status'], string> = {
  pending: '·',
  running: '…',
  passed: '✔',
  failed: '✘',
  skipped: '−',
  undecided: '?',
};

function formatMs(ms: number | null): string {
  if (ms === null) return '';
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

export function stepLine(step: CheckStep): string {
  const verdict = verdictWords[step.status].padEnd(9);
  const time = formatMs(step.durationMs).padStart(7);
  return `${icons[step.status]} ${step.title.padEnd(22)} ${verdict} ${time}  ${step.reason ?? ''}`.trimEnd();
}

/** `--report FILE.md|FILE.html`: the format from the extension, or a usage error naming it. */
export function reportFormat(file: string): 'markdown' | 'html' {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.md' || ext === '.markdown') return 'markdown';
  if (ext === '.html' || ext === '.htm') return 'html';
  throw new CliUsageError(`--report ${file}: the file must end in .md or .html.`);
}

/**
 * `token-workbench check <profile>`: the client check, one line per step (with a progress line
 * on a terminal), the summary and the changes; exit 1 when it found a failure.
 */
export async function runCheck(
  session: CliSession,
  profileId: string,
  options: CheckOptions,
  io: CliIo,
): Promise<number> {
  const format = options.report ? reportFormat(options.report) : null;
  const lines = options.json ? io.err : io.out;
  const live = io.stdoutIsTty && !options.json;
  const runId = `cli-check-${Date.now()}`;
  const off = session.services.events.subscribe('clientCheckProgress', (event) => {
    if (event.runId !== runId || !event.step) return;
    if (event.step.status === 'running') {
      if (live) io.out(`\r\x1b[K… ${event.step.title}`);
      return;
    }
    lines(`${live ? '\r\x1b[K' : ''}${stepLine(event.step)}\n`);
  });
  let result;
  try {
    result = await session.call('runClientCheck', {
      profileId,
      runId,
      scopeProbe: options.scopeProbe,
    });
  } finally {
    off();
  }
  const summary = result.summary;
  if (options.json) io.out(`${JSON.stringify(result, null, 2)}\n`);
  else if (summary) {
    io.out(`\n${summary.outcome.toUpperCase()}: ${summary.sentence}\n`);
    summary.changes.forEach((c, i) => io.out(`  ${i + 1}. ${c}\n`));
  }
  if (options.report && format) {
    const report = renderReport(result, format);
    writeFileSync(options.report, report.content, { mode: 0o600 });
    io.err(`Report written to ${options.report}\n`);
  }
  return checkExitCode(summary);
}
