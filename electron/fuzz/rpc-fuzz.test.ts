import fc from 'fast-check';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schemas } from '../../shared/contract';
import { operationNames } from '../../shared/operations';
import { inputsFor, type FuzzInput } from './fuzz-inputs.test-data';
import { emptyCounts, formatCounts, judge, type FuzzCounts } from './fuzz-oracle';
import { FUZZ_SEED, RUNS_PER_OPERATION, WAITS_FOR_A_PERSON } from './fuzz-settings';
import { startFuzzWorld, type FuzzWorld } from './fuzz-world';

// RPC fuzz of issue 10: seeded generated inputs for every operation, over HTTP to the real
// browser host's /rpc/<op>. 0 crashes, 0 5xx, 0 stack traces, no secret in any error string.
let world: FuzzWorld;
const total: FuzzCounts = emptyCounts();
const escaped: unknown[] = [];
const onEscape = (err: unknown) => escaped.push(err);

beforeAll(async () => {
  process.env.TOKEN_WORKBENCH_SAVE_DIR = mkdtempSync(path.join(os.tmpdir(), 'twb-fuzz-save-'));
  process.on('unhandledRejection', onEscape);
});

afterAll(async () => {
  console.log(formatCounts(`RPC fuzz (seed ${FUZZ_SEED})`, total));
  process.off('unhandledRejection', onEscape);
  await world?.close();
});

describe('RPC fuzz through the browser host', () => {
  it.each([...operationNames])('%s', { timeout: 600_000 }, async (op) => {
    // A fresh world per operation: what one operation piled up does not slow the next.
    await world?.close();
    world = await startFuzzWorld();
    const counts = emptyCounts();
    const pools = WAITS_FOR_A_PERSON.has(op) ? { ...world.pools, ids: [] } : world.pools;
    const problems: string[] = [];
    await fc.assert(
      fc.asyncProperty(inputsFor(schemas[op], pools), async (input: FuzzInput) => {
        const body = 'raw' in input ? input.raw : (JSON.stringify(input.json) ?? '');
        const answer = await world
          .post(op, body)
          .catch((err: Error) => ({ crashed: (err as NodeJS.ErrnoException).code ?? err.name }));
        const found = judge(counts, op, 'json' in input ? input.json : null, answer);
        problems.push(...found);
        return found.length === 0;
      }),
      { seed: FUZZ_SEED + operationNames.indexOf(op), numRuns: RUNS_PER_OPERATION },
    );
    for (const k of Object.keys(total) as (keyof FuzzCounts)[]) total[k] += counts[k];
    console.log(formatCounts(op, counts));
    expect(problems).toEqual([]);
    expect(counts.inputs).toBeGreaterThanOrEqual(RUNS_PER_OPERATION);
    // The host still answers a plain call after the run.
    expect((await world.post('listProfiles', '{}')).status).toBe(200);
    expect(escaped).toEqual([]);
  });
});
