import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const config = yaml.load(
  readFileSync(new URL('../../electron-builder.yml', import.meta.url), 'utf8'),
) as {
  asarUnpack: string[];
  linux: { target: string[] };
  win: { target: string[] };
  mac: { target: string[] };
};

describe('packaging', () => {
  it('unpacks native modules from the asar archive, so the keychain binding can load', () => {
    expect(config.asarUnpack).toContain('**/*.node');
  });

  it('has a keychain binding for every installer target (npm installs the one for the build machine)', () => {
    const optional = Object.keys(
      (require('@napi-rs/keyring/package.json') as { optionalDependencies: object })
        .optionalDependencies,
    );
    for (const binding of [
      'darwin-arm64',
      'darwin-x64',
      'win32-x64-msvc',
      'win32-arm64-msvc',
      'linux-x64-gnu',
      'linux-arm64-gnu',
    ]) {
      expect(optional).toContain(`@napi-rs/keyring-${binding}`);
    }
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
  });
});
