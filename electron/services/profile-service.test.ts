import { describe, expect, it } from 'vitest';
import { emptyProfileFields, type ProfileFields } from '../../shared/profile';
import { memoryStore } from './data-store';
import { WorkbenchInputError } from './errors';
import { ProfileService } from './profile-service';
import { MemoryVault } from './secret-vault';

const fields = (over: Partial<ProfileFields> = {}): ProfileFields => ({
  ...emptyProfileFields,
  name: 'Acme prod',
  team: 'acme',
  cluster: 'eu-1',
  clientId: 'client-1',
  ...over,
});

function setup() {
  const store = memoryStore();
  const vault = new MemoryVault(null);
  return {
    store,
    vault,
    profiles: new ProfileService({ store, vault, sandboxUrl: () => null, now: () => new Date() }),
  };
}

describe('profiles', () => {
  it('saves a profile, keeps its secret out of the store, and shows only a preview', async () => {
    const { store, profiles } = setup();
    const secret = 'very-secret-value-1234567890';
    const saved = await profiles.save({ fields: fields(), clientSecret: secret });
    expect(saved).toMatchObject({
      hasSecret: true,
      secretStorage: 'memory',
      effectiveBaseUrl: 'https://acme.eu-1.celonis.cloud',
      effectiveTokenUrl: 'https://acme.eu-1.celonis.cloud/oauth2/token',
    });
    expect(saved.secretPreview).toBe('ve••••••90 (28 chars)');
    expect(JSON.stringify(store.get('profiles'))).not.toContain(secret);
    expect(JSON.stringify(saved)).not.toContain(secret);
    expect(await profiles.getSecret(saved.id)).toBe(secret);
  });

  it('keeps the secret when saved without one, and removes it on null', async () => {
    const { profiles } = setup();
    const saved = await profiles.save({ fields: fields(), clientSecret: 'abcdefghijkl' });
    const edited = await profiles.save({
      id: saved.id,
      fields: fields({ name: 'Acme production' }),
    });
    expect(edited.hasSecret).toBe(true);
    expect(edited.createdAt).toBe(saved.createdAt);
    const removed = await profiles.save({ id: saved.id, fields: fields(), clientSecret: null });
    expect(removed.hasSecret).toBe(false);
  });

  it('names the field of a bad input and keeps what was saved', async () => {
    const { profiles } = setup();
    await profiles.save({ fields: fields() });
    await expect(profiles.save({ fields: fields({ name: 'Acme prod' }) })).rejects.toThrow(
      WorkbenchInputError,
    );
    await expect(
      profiles.save({ fields: fields({ name: 'B', team: '', baseUrl: '' }) }),
    ).rejects.toThrow(/Team and Cluster are required/);
    await expect(
      profiles.save({ fields: fields({ name: 'C', baseUrl: 'http://example.com' }) }),
    ).rejects.toThrow(/Base URL may use plain http only for a loopback/);
    expect(await profiles.list()).toHaveLength(1);
  });

  it('deletes a profile and its secret', async () => {
    const { vault, profiles } = setup();
    const saved = await profiles.save({ fields: fields(), clientSecret: 'abcdefghijkl' });
    expect(await profiles.delete(saved.id)).toBe(true);
    expect(await profiles.list()).toEqual([]);
    expect(await vault.get(`profile:${saved.id}:client-secret`)).toBeNull();
  });

  it('keeps entries it cannot read when it writes', async () => {
    const store = memoryStore({ profiles: [{ id: 'x', garbage: true }] });
    const profiles = new ProfileService({
      store,
      vault: new MemoryVault(null),
      sandboxUrl: () => null,
      now: () => new Date(),
    });
    await profiles.save({ fields: fields() });
    expect(store.get('profiles')).toContainEqual({ id: 'x', garbage: true });
    expect(await profiles.list()).toHaveLength(1);
  });
});
