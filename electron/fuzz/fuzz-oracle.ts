// What every fuzzed answer must satisfy, and the counts the suites print.
import { secretForms } from './fuzz-world';

export interface FuzzCounts {
  inputs: number;
  ok: number;
  refused: number;
  crashes: number;
  serverErrors: number;
  stackTraces: number;
  secretLeaks: number;
}

export const emptyCounts = (): FuzzCounts => ({
  inputs: 0,
  ok: 0,
  refused: 0,
  crashes: 0,
  serverErrors: 0,
  stackTraces: 0,
  secretLeaks: 0,
});

/** A Node or V8 stack frame, or a source position, anywhere in an answer. */
const stackTrace =
  /\n\s+at\s|\bat [^\s()]+ \([^)]*:\d+:\d+\)|node:internal|\.(?:ts|js|mjs):\d+:\d+/;

/** The answers that carry a secret on purpose: the reveal, and an explicit include-secrets curl. */
export function secretExpected(op: string, input: unknown): boolean {
  if (op === 'revealSecret') return true;
  return (
    op === 'copyAsCurl' &&
    typeof input === 'object' &&
    input !== null &&
    (input as { includeSecrets?: unknown }).includeSecrets === true
  );
}

function parseEnvelope(body: string): { ok?: unknown; error?: { message?: unknown } } | null {
  try {
    return JSON.parse(body) as { ok?: unknown; error?: { message?: unknown } } | null;
  } catch {
    return null;
  }
}

/** Judges one answer; returns the problems found (empty = fine) and adds to the counts. */
export function judge(
  counts: FuzzCounts,
  op: string,
  input: unknown,
  answer: { status: number; body: string } | { crashed: string },
): string[] {
  counts.inputs++;
  if ('crashed' in answer) {
    counts.crashes++;
    return [`${op}: the host did not answer (${answer.crashed})`];
  }
  const problems: string[] = [];
  if (answer.status >= 500) {
    counts.serverErrors++;
    problems.push(`${op}: HTTP ${answer.status}`);
  }
  if (stackTrace.test(answer.body)) {
    counts.stackTraces++;
    problems.push(`${op}: a stack trace in the answer`);
  }
  const envelope = parseEnvelope(answer.body);
  if (envelope?.ok === true) counts.ok++;
  else counts.refused++;
  const message = typeof envelope?.error?.message === 'string' ? envelope.error.message : '';
  const scanned = secretExpected(op, input) && envelope?.ok === true ? message : answer.body;
  const leaked = secretForms.filter((s) => scanned.includes(s));
  if (leaked.length > 0) {
    counts.secretLeaks++;
    problems.push(`${op}: a secret in the answer`);
  }
  return problems;
}

export function formatCounts(label: string, c: FuzzCounts): string {
  return `${label}: ${c.inputs} inputs, ${c.ok} ok, ${c.refused} refused, ${c.crashes} crashes, ${c.serverErrors} 5xx, ${c.stackTraces} stack traces, ${c.secretLeaks} secrets in answers`;
}
