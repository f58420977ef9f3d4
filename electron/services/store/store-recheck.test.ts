import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyProfileFields } from '../../../shared/profile';
import { ProfileService } from '../profile-service';
import { MemoryVault } from '../secret-vault';
import { SettingsService } from '../settings-service';
import { openJsonFileStore } from './json-file-store';
import { STORE_RECHECK_MS } from './write-through-store';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const d = mkdtempSync(path.join(os.tmpdir(), 'twb-recheck-'));
  dirs.push(d);
  return d;
}
const pause = () => new Promise((resolve) => setTimeout(resolve, STORE_RECHECK_MS + 20));
const fields = (name: string) => ({
  ...emptyProfileFields,
  name,
  baseUrl: 'https://acme.example',
  clientId: 'client-1',
});

/**
 * Profiles and settings are parsed once per change of the store and served from memory; a
 * second process (two stores on one file here) writing in between is still seen.
 */
describe('profiles and settings from memory', () => {
  it("sees another process's profile and settings after the recheck interval", async () => {
    const dir = tempDir();
    const vault = new MemoryVault(null);
    const a = openJsonFileStore(dir).store;
    const b = openJsonFileStore(dir).store;
    const profilesA = new ProfileService({
      store: a,
      vault,
      sandboxUrl: () => null,
      now: () => new Date(),
    });
    const profilesB = new ProfileService({
      store: b,
      vault,
      sandboxUrl: () => null,
      now: () => new Date(),
    });
    const settingsA = new SettingsService({ store: a, vault: null, http: null });
    const settingsB = new SettingsService({ store: b, vault: null, http: null });
    const first = await profilesA.save({ fields: fields('First') });
    expect(profilesA.get(first.id).name).toBe('First');
    const timeout = settingsA.get().timeoutSeconds;

    await pause();
    const second = await profilesB.save({ fields: fields('Second') });
    await profilesB.rename(first.id, 'First renamed');
    await settingsB.update({ timeoutSeconds: timeout + 7 });
    await pause();
    expect((await profilesA.list()).map((p) => p.name)).toEqual(['First renamed', 'Second']);
    expect(profilesA.get(second.id).name).toBe('Second');
    expect(settingsA.get().timeoutSeconds).toBe(timeout + 7);
    // A write from here keeps the other process's profiles (the store looks before writing).
    await profilesA.save({ fields: fields('Third') });
    await pause();
    expect((await profilesB.list()).map((p) => p.name)).toEqual([
      'First renamed',
      'Second',
      'Third',
    ]);
  });

  it('hands out frozen values: a caller cannot change what the next caller reads', async () => {
    const dir = tempDir();
    const store = openJsonFileStore(dir).store;
    const profiles = new ProfileService({
      store,
      vault: new MemoryVault(null),
      sandboxUrl: () => null,
      now: () => new Date(),
    });
    const settings = new SettingsService({ store, vault: null, http: null });
    const saved = await profiles.save({ fields: { ...fields('Frozen'), scopes: ['a:read'] } });
    const read = profiles.get(saved.id);
    expect(() => {
      (read.scopes as string[]).push('b:write');
    }).toThrow(TypeError);
    expect(() => {
      (settings.get() as { timeoutSeconds: number }).timeoutSeconds = 1;
    }).toThrow(TypeError);
    expect(profiles.get(saved.id).scopes).toEqual(['a:read']);
    // A save replaces the value in memory at once (same process: no recheck interval).
    await profiles.save({ id: saved.id, fields: { ...fields('Frozen'), scopes: ['c:read'] } });
    expect(profiles.get(saved.id).scopes).toEqual(['c:read']);
  });
});
