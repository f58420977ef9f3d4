import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { JsonLinesLog } from './history-log';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('history log file', () => {
  it('sees the lines a second writer (another window, the command line) appended', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'twb-history-log-'));
    dirs.push(dir);
    const file = path.join(dir, 'history.jsonl');
    const a = new JsonLinesLog(file);
    const b = new JsonLinesLog(file);
    // Each process writes its appends on the next turn of its event loop (here: flush).
    a.append({ id: 'a1' });
    a.flush();
    b.append({ id: 'b1' });
    b.flush();
    a.append({ id: 'a2' });
    expect(a.entries()).toEqual([{ id: 'a1' }, { id: 'b1' }, { id: 'a2' }]);
    expect(b.entries()).toEqual([{ id: 'a1' }, { id: 'b1' }, { id: 'a2' }]);
    // A rewrite (pruning) by one is seen by the other.
    b.rewrite([{ id: 'a2' }]);
    expect(a.entries()).toEqual([{ id: 'a2' }]);
    expect(a.lineCount).toBe(1);
  });
});
