import { describe, expect, it } from 'vitest';
import { emptyRequestFields, type SavedRequestFields } from '../../shared/saved-request';
import { memoryStore } from './data-store';
import { WorkbenchInputError } from './errors';
import { RequestDraftsService } from './request-drafts-service';
import { SavedRequestsService } from './saved-requests-service';

const SECRET = 'sandbox-client-secret-123';
const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.sig';
const fields = (patch: Partial<SavedRequestFields> = {}): SavedRequestFields => ({
  ...emptyRequestFields,
  name: 'GET members',
  url: '/api/external/members',
  ...patch,
});

function setup() {
  const store = memoryStore();
  const profiles = new Set(['p1', 'p2']);
  const deps = {
    store,
    assertProfile: (id: string) => {
      if (!profiles.has(id)) throw new WorkbenchInputError(`No profile with id ${id}`, 'profileId');
    },
    knownSecrets: async () => [SECRET, TOKEN],
  };
  return {
    store,
    profiles,
    saved: new SavedRequestsService(deps),
    drafts: new RequestDraftsService(deps),
  };
}

describe('saved requests', () => {
  it('saves into a profile, lists per profile and all, and updates in place', async () => {
    const { saved } = setup();
    const a = (await saved.save({ profileId: 'p1', fields: fields() })).request;
    await saved.save({
      profileId: 'p2',
      fields: fields({ name: 'Audit', url: '/log/api/external/audit' }),
    });
    expect(saved.list('p1').map((r) => r.name)).toEqual(['GET members']);
    expect(saved.list().map((r) => r.name)).toEqual(['Audit', 'GET members']);
    const updated = await saved.save({
      id: a.id,
      profileId: 'p1',
      fields: fields({ method: 'POST' }),
    });
    expect(updated.request).toMatchObject({ id: a.id, method: 'POST', createdAt: a.createdAt });
    expect(saved.list()).toHaveLength(2);
    await expect(saved.save({ id: a.id, profileId: 'p2', fields: fields() })).rejects.toThrow(
      'This request belongs to another profile.',
    );
    await expect(saved.save({ profileId: 'gone', fields: fields() })).rejects.toThrow('No profile');
  });

  it('never stores a credential header or a known secret, and says what it removed', async () => {
    const { saved, store } = setup();
    const out = await saved.save({
      profileId: 'p1',
      fields: fields({
        url: `/api/x?key=${SECRET}`,
        headers: [
          { name: 'Authorization', value: `Bearer ${TOKEN}`, enabled: true },
          { name: 'X-Custom', value: 'Bearer abc', enabled: true },
          { name: 'Accept', value: 'application/json', enabled: true },
        ],
        body: `{"secret":"${SECRET}"}`,
      }),
    });
    expect(out.stripped).toEqual(['headers.Authorization', 'headers.X-Custom', 'url', 'body']);
    const disk = JSON.stringify(store.get('savedRequests'));
    expect(disk).not.toContain(SECRET);
    expect(disk).not.toContain(TOKEN);
    expect(disk).not.toContain('Bearer abc');
    expect(out.request.headers[0]).toEqual({ name: 'Authorization', value: '', enabled: false });
    expect(out.request.headers[2]?.value).toBe('application/json');
  });

  it('duplicates with a free name, renames, deletes and restores', async () => {
    const { saved } = setup();
    const a = (await saved.save({ profileId: 'p1', fields: fields() })).request;
    const copy = saved.duplicate(a.id);
    expect(copy.name).toBe('GET members copy');
    expect(saved.duplicate(a.id).name).toBe('GET members copy (2)');
    expect(saved.rename(copy.id, '  Members page 2 ').name).toBe('Members page 2');
    expect(() => saved.rename(copy.id, ' ')).toThrow('Request name is required');
    expect(saved.delete(a.id)).toBe(true);
    expect(saved.delete(a.id)).toBe(false);
    expect(() => saved.get(a.id)).toThrow(`No saved request with id ${a.id}`);
    expect(saved.restore(a.id)).toMatchObject({ id: a.id, name: 'GET members', url: a.url });
    expect(() => saved.restore(a.id)).toThrow('This request can no longer be restored.');
    expect(saved.list('p1')).toHaveLength(3);
  });

  it('keeps entries it cannot read untouched when it writes', async () => {
    const { saved, store } = setup();
    const alien = { id: 'x', profileId: 'p1', createdAt: '', updatedAt: '', fields: { future: 1 } };
    store.set('savedRequests', [alien]);
    await saved.save({ profileId: 'p1', fields: fields() });
    expect(saved.list()).toHaveLength(1);
    expect(store.get('savedRequests')).toContainEqual(alien);
  });
});

describe('request drafts', () => {
  it('keeps one draft per tab, without secrets, and deletes it', async () => {
    const { drafts, store } = setup();
    const draft = {
      ...fields({ name: '' }),
      headers: [{ name: 'x-api-key', value: 'k-123456', enabled: true }],
      body: `token ${TOKEN}`,
    };
    const saved = await drafts.save({
      tabId: 't1',
      profileId: 'p1',
      savedRequestId: null,
      fields: draft,
    });
    expect(saved.stripped).toEqual(['headers.x-api-key', 'body']);
    await drafts.save({
      tabId: 't1',
      profileId: 'p1',
      savedRequestId: null,
      fields: { ...draft, url: '/b' },
    });
    expect(drafts.get('t1')?.fields.url).toBe('/b');
    expect(drafts.get('t1')?.fields.headers[0]?.value).toBe('');
    expect(JSON.stringify(store.get('requestDrafts'))).not.toContain(TOKEN);
    expect(store.get('requestDrafts')).toHaveLength(1);
    expect(drafts.delete('t1')).toBe(true);
    expect(drafts.get('t1')).toBeNull();
  });
});

describe('bounded storage', () => {
  it('refuses a draft that would make all drafts exceed 8 MB, naming the body, and keeps the others', async () => {
    const { drafts } = setup();
    const big = fields({ name: '', method: 'POST', body: 'x'.repeat(1_000_000) });
    for (let i = 0; i < 7; i++)
      await drafts.save({ tabId: `t${i}`, profileId: 'p1', savedRequestId: null, fields: big });
    await expect(
      drafts.save({
        tabId: 't8',
        profileId: 'p1',
        savedRequestId: null,
        fields: { ...big, body: 'y'.repeat(1_000_000) },
      }),
    ).rejects.toThrow('This draft is not kept across restarts');
    expect(drafts.get('t0')?.fields.body).toHaveLength(1_000_000);
    expect(drafts.get('t8')).toBeNull();
  });
});
