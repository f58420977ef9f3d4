import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  checkStepIds,
  pendingStep,
  type ClientCheckResult,
} from '../../../shared/client-check/check-types';
import { CHECK_HISTORY_FILE, ClientCheckHistory } from './check-history';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function result(profileId: string, runId: string): ClientCheckResult {
  return {
    runId,
    profileId,
    profileName: profileId,
    appVersion: 'test',
    startedAt: 1,
    finishedAt: 2,
    team: '',
    cluster: '',
    baseUrl: null,
    sandbox: true,
    clientIdMasked: 'sa…ic',
    authMethod: 'client_secret_basic',
    requestedScopes: [],
    scopeProbe: false,
    steps: checkStepIds.map(pendingStep),
    summary: { outcome: 'passed', sentence: 'Works.', changes: [] },
  };
}

describe('ClientCheckHistory', () => {
  it('keeps the last result per profile in its own file, across a restart', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'checks-'));
    dirs.push(dir);
    const first = new ClientCheckHistory(dir);
    first.save(result('a', 'run-1'));
    first.save(result('a', 'run-2'));
    first.save(result('b', 'run-3'));
    const again = new ClientCheckHistory(dir);
    expect(again.last('a')?.runId).toBe('run-2');
    expect(again.last('b')?.runId).toBe('run-3');
    again.forget('a');
    expect(new ClientCheckHistory(dir).last('a')).toBeNull();
    expect(
      Object.keys(JSON.parse(readFileSync(path.join(dir, CHECK_HISTORY_FILE), 'utf8'))),
    ).toEqual(['b']);
  });

  it('keeps at most 100 profiles, dropping the oldest, and reads a damaged file as empty', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'checks-'));
    dirs.push(dir);
    const h = new ClientCheckHistory(dir);
    for (let i = 0; i < 105; i++) h.save(result(`p${i}`, `run-${i}`));
    const reread = new ClientCheckHistory(dir);
    expect(reread.last('p0')).toBeNull();
    expect(reread.last('p104')?.runId).toBe('run-104');
    writeFileSync(path.join(dir, CHECK_HISTORY_FILE), '{not json');
    expect(new ClientCheckHistory(dir).last('p104')).toBeNull();
  });
});
