import { checkStepTitles, type CheckStep, type CheckSummary } from './check-types';

function apiSentence(step: CheckStep): string | null {
  const rows = step.rows.filter((r) => r.presetId !== null && r.verdict !== 'skipped');
  if (rows.length === 0) return null;
  const working = rows.filter((r) => r.verdict === 'passed').length;
  const problems = rows.filter((r) => r.verdict === 'failed' || r.verdict === 'undecided');
  const head =
    working === rows.length
      ? `Works for all ${rows.length} scope${rows.length === 1 ? '' : 's'} with a read-only preset`
      : `Works for ${working} of ${rows.length} scope${rows.length === 1 ? '' : 's'}`;
  if (problems.length === 0) return `${head}.`;
  return `${head}: ${problems.map((r) => `${r.scope} ${r.finding}`).join('; ')}.`;
}

/**
 * The check's one sentence and its ordered changes. A failure anywhere makes the outcome
 * failed; undecided steps (a server that cannot answer) never count as passed.
 */
export function summarizeCheck(steps: readonly CheckStep[], cancelled: boolean): CheckSummary {
  const changes = steps.flatMap((s) => (s.status === 'failed' ? s.changes : []));
  const unique = [...new Set(changes)];
  if (cancelled) {
    const at = steps.find((s) => s.status === 'running' || s.status === 'pending');
    return {
      outcome: 'cancelled',
      sentence: `Cancelled${at ? ` at ${checkStepTitles[at.id]}` : ''}: the check did not finish.`,
      changes: unique,
    };
  }
  const apis = steps.find((s) => s.id === 'apis');
  const apiText = apis ? apiSentence(apis) : null;
  const failed = steps.filter((s) => s.status === 'failed');
  const undecided = steps.filter((s) => s.status === 'undecided');
  if (failed.length > 0) {
    const first = failed[0]!;
    const sentence =
      apiText && first.id === 'apis'
        ? apiText
        : `Does not work: ${first.title} failed: ${first.reason ?? 'see the step'}${
            apiText ? ` ${apiText}` : ''
          }`;
    return { outcome: 'failed', sentence: sentence.replace(/([^.])$/, '$1.'), changes: unique };
  }
  if (undecided.length > 0) {
    const names = undecided.map((s) => s.title).join(', ');
    return {
      outcome: 'undecided',
      sentence: `${apiText ?? 'No failure found.'} Undecided: ${names} (the server could not answer).`,
      changes: unique,
    };
  }
  return {
    outcome: 'passed',
    sentence: apiText ?? 'Works: every step passed.',
    changes: unique,
  };
}

/** Exit code of `token-workbench check`: 1 when the check found a failure, else 0. */
export function checkExitCode(summary: CheckSummary | null): 0 | 1 {
  return summary?.outcome === 'failed' || summary?.outcome === 'cancelled' ? 1 : 0;
}
