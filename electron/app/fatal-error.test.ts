import { describe, expect, it } from 'vitest';
import { parseLaunchOptions } from '../launch-options';
import { createFatalHandler } from './fatal-error';

function recorder(shown = false) {
  const seen = { boxes: [] as string[], exits: [] as number[], logs: [] as string[] };
  const fatal = createFatalHandler({
    showErrorBox: (title, content) => seen.boxes.push(`${title}: ${content}`),
    exit: (code) => seen.exits.push(code),
    log: (line) => seen.logs.push(line),
    windowShown: () => shown,
  });
  return { fatal, seen };
}

describe('start-up failures', () => {
  it('show the reason in a dialog and exit with 1 before the window is up', () => {
    const { fatal, seen } = recorder();
    try {
      parseLaunchOptions(['--port', 'x'], {});
    } catch (err) {
      fatal(err);
    }
    expect(seen.boxes).toEqual([
      'Token Workbench could not start: --port must be a whole number from 0 to 65535 (got "x")',
    ]);
    expect(seen.exits).toEqual([1]);
  });

  it('exit even when the dialog itself fails', () => {
    const seen: number[] = [];
    const fatal = createFatalHandler({
      showErrorBox: () => {
        throw new Error('no display');
      },
      exit: (code) => seen.push(code),
      log: () => {},
      windowShown: () => false,
    });
    expect(() => fatal(new Error('x'))).toThrow('no display');
    expect(seen).toEqual([1]);
  });

  it('only log once the window is shown', () => {
    const { fatal, seen } = recorder(true);
    fatal(new Error('late'));
    expect(seen).toMatchObject({ boxes: [], exits: [] });
    expect(seen.logs[0]).toMatch(/late/);
  });
});
