import { describe, expect, it } from 'vitest';
import { applyProgress, startLiveCheck } from './check-progress';
import { pendingStep } from './check-types';

describe('live check progress', () => {
  it('replaces the step an event carries, ignores other runs, ends with the summary', () => {
    let live = startLiveCheck('run-1');
    const running = { ...pendingStep('discovery'), status: 'running' as const };
    live = applyProgress(live, {
      runId: 'run-1',
      profileId: 'p',
      step: running,
      summary: null,
      done: false,
    });
    expect(live.steps.find((s) => s.id === 'discovery')?.status).toBe('running');
    const other = applyProgress(live, {
      runId: 'run-2',
      profileId: 'p',
      step: { ...running, status: 'failed' },
      summary: null,
      done: true,
    });
    expect(other).toBe(live);
    const summary = { outcome: 'passed' as const, sentence: 'Works.', changes: [] };
    live = applyProgress(live, { runId: 'run-1', profileId: 'p', step: null, summary, done: true });
    expect(live).toMatchObject({ done: true, summary });
    expect(live.steps).toHaveLength(8);
  });
});
