import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  keychainService,
  parseLaunchOptions,
  preferredPort,
  PREFERRED_PORTS,
} from './launch-options';

describe('launch options', () => {
  it('reads --data-dir, --port and --no-open', () => {
    expect(parseLaunchOptions(['--data-dir', '/tmp/x', '--port', '4321', '--no-open'], {})).toEqual(
      {
        dataDir: '/tmp/x',
        port: 4321,
        open: false,
      },
    );
    expect(parseLaunchOptions(['--data-dir=/tmp/y'], {}).dataDir).toBe('/tmp/y');
  });

  it("takes TOKEN_WORKBENCH_DATA_DIR when no flag is given, and the data dir's own port by default", () => {
    const o = parseLaunchOptions([], { TOKEN_WORKBENCH_DATA_DIR: 'rel/dir' });
    expect(o.dataDir).toBe(path.resolve('rel/dir'));
    expect(o.port).toBe(0);
    expect(o.preferredPort).toBe(preferredPort(path.resolve('rel/dir')));
    expect(o.open).toBe(true);
    // --port, even 0, is taken as given: no port is preferred then.
    expect(parseLaunchOptions(['--port', '0'], {}).preferredPort).toBeUndefined();
  });

  it('gives each data dir the same port every start, in its range, and others another', () => {
    const ports = ['/a', '/b', '/c', '/d', '/e'].map((d) => preferredPort(d));
    expect(preferredPort('/a')).toBe(ports[0]);
    for (const p of ports) {
      expect(p).toBeGreaterThanOrEqual(PREFERRED_PORTS.first);
      expect(p).toBeLessThan(PREFERRED_PORTS.first + PREFERRED_PORTS.count);
    }
    expect(new Set(ports).size).toBeGreaterThan(1);
  });

  it('names the flag of a bad value', () => {
    expect(() => parseLaunchOptions(['--port', 'abc'], {})).toThrow(/--port/);
    expect(() => parseLaunchOptions(['--port', '70000'], {})).toThrow(/--port/);
    expect(() => parseLaunchOptions(['--data-dir'], {})).toThrow(/--data-dir needs a value/);
  });

  it('gives each data dir its own keychain service', () => {
    expect(keychainService('/a')).not.toBe(keychainService('/b'));
    expect(keychainService('/a')).toMatch(/^Token Workbench \[[0-9a-f]{8}\]$/);
  });
});
