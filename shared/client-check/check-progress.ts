import type { ClientCheckProgressEvent } from '../events';
import { checkStepIds, pendingStep, type CheckStep, type CheckSummary } from './check-types';

/** What the app shows while a check runs: every step, as far as the pushed events tell. */
export interface LiveCheck {
  runId: string;
  steps: CheckStep[];
  summary: CheckSummary | null;
  done: boolean;
}

export function startLiveCheck(runId: string): LiveCheck {
  return { runId, steps: checkStepIds.map(pendingStep), summary: null, done: false };
}

/** Applies one progress event of this run; events of other runs leave it as it is. */
export function applyProgress(live: LiveCheck, event: ClientCheckProgressEvent): LiveCheck {
  if (event.runId !== live.runId) return live;
  const step = event.step;
  return {
    ...live,
    steps: step ? live.steps.map((s) => (s.id === step.id ? step : s)) : live.steps,
    summary: event.summary ?? live.summary,
    done: live.done || event.done,
  };
}
