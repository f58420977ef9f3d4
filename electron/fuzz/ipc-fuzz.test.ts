import fc from 'fast-check';
import type { IpcMainInvokeEvent } from 'electron';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schemas } from '../../shared/contract';
import { ipcChannel, operationNames } from '../../shared/operations';
import { registerIpc, type IpcRegistrar } from '../ipc';
import { inputsFor } from './fuzz-inputs.test-data';
import { emptyCounts, formatCounts, judge, type FuzzCounts } from './fuzz-oracle';
import { FUZZ_SEED, IPC_RUNS_PER_OPERATION, WAITS_FOR_A_PERSON } from './fuzz-settings';
import { startFuzzWorld, type FuzzWorld } from './fuzz-world';

// The IPC handler path of the RPC fuzz: electron/ipc.ts's registration, driven through an
// ipcMain-shaped object with the app's own sender frame (and, for a share of the calls, a
// foreign one), over the same handler table and seeded world as the HTTP fuzz.
type Listener = (event: IpcMainInvokeEvent, input: unknown) => Promise<unknown>;
let world: FuzzWorld;
const listeners = new Map<string, Listener>();
const total: FuzzCounts = emptyCounts();
const appFrame = { senderFrame: { url: 'app://workbench/index.html', parent: null } };
const foreignFrame = { senderFrame: { url: 'https://evil.example/', parent: null } };

beforeAll(async () => {
  process.env.TOKEN_WORKBENCH_SAVE_DIR = mkdtempSync(path.join(os.tmpdir(), 'twb-fuzz-save-'));
});

afterAll(async () => {
  console.log(formatCounts(`IPC fuzz (seed ${FUZZ_SEED})`, total));
  await world?.close();
});

describe('RPC fuzz through the IPC handlers', () => {
  it.each([...operationNames])('%s', { timeout: 600_000 }, async (op) => {
    // A fresh world per operation: what one operation piled up does not slow the next.
    await world?.close();
    world = await startFuzzWorld();
    const ipc: IpcRegistrar = { handle: (channel, l) => void listeners.set(channel, l) };
    registerIpc(ipc, world.t.handlers);
    const listener = listeners.get(ipcChannel(op));
    expect(listener).toBeDefined();
    const counts = emptyCounts();
    const pools = WAITS_FOR_A_PERSON.has(op) ? { ...world.pools, ids: [] } : world.pools;
    const problems: string[] = [];
    const arb = fc.tuple(inputsFor(schemas[op], pools), fc.integer({ min: 0, max: 19 }));
    await fc.assert(
      fc.asyncProperty(arb, async ([input, pick]) => {
        // IPC carries structured values, not text: a raw body arrives as a string argument.
        const value = 'raw' in input ? input.raw : input.json;
        const foreign = pick === 0;
        const event = (foreign ? foreignFrame : appFrame) as unknown as IpcMainInvokeEvent;
        const answer = await listener!(event, value).then(
          (envelope) => ({ status: 200, body: JSON.stringify(envelope) ?? '' }),
          (err: Error) => ({ crashed: err.name }),
        );
        const found = judge(counts, op, value, answer);
        if (foreign && 'body' in answer && !answer.body.startsWith('{"ok":false'))
          found.push(`${op}: a call from a foreign frame was answered`);
        problems.push(...found);
        return found.length === 0;
      }),
      { seed: FUZZ_SEED + 1000 + operationNames.indexOf(op), numRuns: IPC_RUNS_PER_OPERATION },
    );
    for (const k of Object.keys(total) as (keyof FuzzCounts)[]) total[k] += counts[k];
    console.log(formatCounts(`ipc ${op}`, counts));
    expect(problems).toEqual([]);
  });
});
