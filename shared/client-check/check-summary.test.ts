import { describe, expect, it } from 'vitest';
import { checkExitCode, summarizeCheck } from './check-summary';
import {
  checkStepIds,
  listItemsOf,
  pendingStep,
  type ApiCheckRow,
  type CheckStep,
} from './check-types';

function steps(patch: Partial<Record<CheckStep['id'], Partial<CheckStep>>>): CheckStep[] {
  return checkStepIds.map((id) => ({ ...pendingStep(id), status: 'passed', ...patch[id] }));
}

const row = (scope: string, verdict: ApiCheckRow['verdict'], finding: string): ApiCheckRow => ({
  scope,
  presetId: 'x',
  path: '/p',
  status: verdict === 'passed' ? 200 : 403,
  verdict,
  finding,
});

describe('summarizeCheck', () => {
  it('counts the scopes that work and names the one that does not, with its change', () => {
    const s = summarizeCheck(
      steps({
        apis: {
          status: 'failed',
          rows: [
            row('a:read', 'passed', 'answers 200'),
            row('b:read', 'passed', 'answers 200'),
            row('c:read', 'passed', 'answers 200'),
            row(
              'team.login-history:read',
              'failed',
              'has no permission under Admin & Settings > Permissions > Team',
            ),
          ],
          changes: ['Open Admin & Settings > Permissions …'],
        },
      }),
      false,
    );
    expect(s.outcome).toBe('failed');
    expect(s.sentence).toBe(
      'Works for 3 of 4 scopes: team.login-history:read has no permission under Admin & Settings > Permissions > Team.',
    );
    expect(s.changes).toEqual(['Open Admin & Settings > Permissions …']);
    expect(checkExitCode(s)).toBe(1);
  });

  it('names the first failed step and lists changes in step order, once each', () => {
    const s = summarizeCheck(
      steps({
        'auth-method': {
          status: 'failed',
          reason: 'Wrong method',
          changes: ['Set post', 'Set post'],
        },
        token: { status: 'failed', reason: 'invalid_client', changes: ['Check the secret'] },
        apis: { status: 'skipped' },
      }),
      false,
    );
    expect(s.sentence).toBe('Does not work: Authentication method failed: Wrong method.');
    expect(s.changes).toEqual(['Set post', 'Check the secret']);
  });

  it('is undecided, never passed, when a step could not be answered', () => {
    const s = summarizeCheck(steps({ scopes: { status: 'undecided' } }), false);
    expect(s.outcome).toBe('undecided');
    expect(s.sentence).toContain('Undecided: Scopes');
    expect(checkExitCode(s)).toBe(0);
  });

  it('passes when every step passed or was skipped', () => {
    const s = summarizeCheck(
      steps({
        scopes: { status: 'skipped' },
        apis: { rows: [row('a:read', 'passed', 'answers 200')] },
      }),
      false,
    );
    expect(s).toEqual({
      outcome: 'passed',
      sentence: 'Works for all 1 scope with a read-only preset.',
      changes: [],
    });
  });

  it('says where a cancelled check stopped', () => {
    const all = steps({ token: { status: 'running' }, 'jwt-signature': { status: 'pending' } });
    const s = summarizeCheck(all, true);
    expect(s.outcome).toBe('cancelled');
    expect(s.sentence).toBe('Cancelled at Token: the check did not finish.');
    expect(checkExitCode(s)).toBe(1);
  });
});

describe('kept results as a list', () => {
  it('lists the last check of each profile newest first, without evidence', () => {
    const base = { steps: [{ evidence: ['x'] }], requestedScopes: [] } as never as object;
    const items = listItemsOf([
      { ...base, profileId: 'a', profileName: 'A', finishedAt: 1, summary: null },
      {
        ...base,
        profileId: 'b',
        profileName: 'B',
        finishedAt: 2,
        summary: { outcome: 'failed', sentence: 'Works for 0 of 1 scopes', changes: [] },
      },
    ] as never);
    expect(items).toEqual([
      {
        profileId: 'b',
        profileName: 'B',
        finishedAt: 2,
        outcome: 'failed',
        sentence: 'Works for 0 of 1 scopes',
      },
      { profileId: 'a', profileName: 'A', finishedAt: 1, outcome: null, sentence: null },
    ]);
  });
});
