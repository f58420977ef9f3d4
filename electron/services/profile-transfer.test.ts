import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyProfileFields, pickProfileFields, type ProfileFields } from '../../shared/profile';
import { memoryStore } from './data-store';
import { startSandbox, type Sandbox } from './sandbox';
import { MemoryVault } from './secret-vault';
import { createServices, type Services } from './services';

const secret = 'fake-secret-for-tests+/=';
let sandbox: Sandbox;
let services: Services;

beforeAll(async () => {
  sandbox = await startSandbox({ clientSecret: secret });
  services = createServices(memoryStore(), new MemoryVault(null));
});
afterAll(async () => {
  await services.close();
  await sandbox.close();
});

const fields = (over: Partial<ProfileFields> = {}): ProfileFields => ({
  ...emptyProfileFields,
  name: 'Acme prod',
  team: 'acme',
  cluster: 'eu-1',
  clientId: 'client-acme-123',
  scopes: ['team.user-group-info:read'],
  ...over,
});

const fixture = readFileSync(
  path.join(import.meta.dirname, 'fixtures/celonis-team.postman_collection.json'),
  'utf8',
);

describe('import and export', () => {
  it('round-trips profiles without secrets, listing the secrets to re-enter', async () => {
    const { profiles, data } = services;
    await profiles.save({ fields: fields(), clientSecret: secret });
    await profiles.save({
      fields: fields({ name: 'Acme test', authMethod: 'client_secret_post' }),
    });
    const exported = await data.transfer.exportAll();
    expect(exported.json).not.toContain(secret);
    const doc = JSON.parse(exported.json);
    expect(doc.profiles).toHaveLength(2);
    expect(doc.profiles[0]).toMatchObject({ secretsToReenter: ['client_secret'] });
    expect(doc.profiles[1]).toMatchObject({ secretsToReenter: [] });

    const other = createServices(memoryStore(), new MemoryVault(null));
    const result = await other.data.transfer.importText(exported.json);
    expect(result.problems).toEqual([]);
    expect(result.imported.map((p) => [p.name, p.secretsToReenter])).toEqual([
      ['Acme prod', ['client_secret']],
      ['Acme test', []],
    ]);
    const back = await other.profiles.list();
    expect(back.map((p) => ({ ...p, id: '', createdAt: '', updatedAt: '' }))).toEqual(
      (await profiles.list()).map((p) => ({
        ...p,
        id: '',
        createdAt: '',
        updatedAt: '',
        hasSecret: false,
        secretPreview: null,
        secretStorage: null,
      })),
    );
    // Importing again does not overwrite: the names get a number.
    const again = await other.data.transfer.importText(exported.json);
    expect(again.imported.map((p) => p.name)).toEqual(['Acme prod (2)', 'Acme test (2)']);
    await other.close();
  });

  it('reports every problem of a malformed file with its JSON path and imports nothing', async () => {
    const before = (await services.profiles.list()).length;
    const bad = {
      format: 'token-workbench-profiles',
      version: 1,
      profiles: [
        { fields: fields({ name: 'Good one' }), secretsToReenter: [] },
        { fields: { ...fields({ clientId: '' }), grantType: 'password' }, secretsToReenter: ['x'] },
        { fields: { ...fields(), extra: 'field' } },
      ],
    };
    const result = await services.data.transfer.importText(JSON.stringify(bad));
    expect(result.imported).toEqual([]);
    const paths = result.problems.map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        '$.profiles[1].fields.clientId',
        '$.profiles[1].fields.grantType',
        '$.profiles[1].secretsToReenter[0]',
        '$.profiles[2].fields',
      ]),
    );
    expect(result.problems.find((p) => p.path.endsWith('clientId'))?.message).toBe(
      'Client ID is required',
    );
    expect((await services.profiles.list()).length).toBe(before);

    const notJson = await services.data.transfer.importText(
      '{"format": "token-workbench-profiles", ',
    );
    expect(notJson.problems[0]?.path).toBe('$');
    expect(notJson.problems[0]?.message).toMatch(/Not valid JSON/);
    const unknown = await services.data.transfer.importText('{"hello": 1}');
    expect(unknown.problems[0]?.path).toBe('$.format');
  });

  it('imports the OAuth 2.0 settings of a Postman collection v2.1 into a working profile', async () => {
    const read = await services.data.transfer.importText(fixture);
    expect(read.source).toBe('postman-collection');
    expect(read.problems).toEqual([]);
    expect(read.imported).toHaveLength(1);
    expect(read.imported[0]?.secretsToReenter).toEqual(['client_secret']);
    const profile = services.profiles.get(read.imported[0]!.id);
    expect(profile).toMatchObject({
      name: 'Celonis team APIs',
      team: 'acme',
      cluster: 'eu-1',
      clientId: 'sandbox-basic',
      authMethod: 'client_secret_basic',
      grantType: 'client_credentials',
      scopes: ['team.user-group-info:read', 'audit.log:read'],
    });
    // The same collection with base_url pointing at the sandbox: enter the secret, get a token.
    const local = fixture.replace('https://acme.eu-1.celonis.cloud', sandbox.url);
    const imported = await services.data.transfer.importText(local);
    const id = imported.imported[0]!.id;
    expect(services.profiles.get(id).baseUrl).toBe(sandbox.url);
    const p = services.profiles.get(id);
    await services.profiles.save({
      id,
      fields: { ...pickProfileFields(p), scopes: ['team.user-group-info:read'] },
      clientSecret: secret,
    });
    const token = await services.tokens.getToken(id, 'postman-import-1');
    expect(token.failure).toBeNull();
    expect(token.token?.grantedScopes).toEqual(['team.user-group-info:read']);
  });

  it('reports a Postman collection without OAuth 2.0 settings, with the path', async () => {
    const doc = JSON.parse(fixture);
    delete doc.auth;
    const result = await services.data.transfer.importText(JSON.stringify(doc));
    expect(result.problems).toEqual([
      { path: '$.auth', message: expect.stringMatching(/no OAuth 2.0 authorization/) },
    ]);
  });
});

describe('profiles: duplicate, rename, delete with undo', () => {
  it('duplicates with the secret, renames, and restores a deleted profile with its secret', async () => {
    const { profiles } = services;
    const p = await profiles.save({ fields: fields({ name: 'Dup source' }), clientSecret: secret });
    const copy = await profiles.duplicate(p.id);
    expect(copy.name).toBe('Dup source copy');
    expect(copy.hasSecret).toBe(true);
    const renamed = await profiles.rename(copy.id, 'Renamed copy');
    expect(renamed.name).toBe('Renamed copy');
    await expect(profiles.rename(copy.id, 'Dup source')).rejects.toThrow(/already used/);
    expect(await profiles.delete(p.id)).toBe(true);
    expect(await profiles.getSecret(p.id)).toBeNull();
    const back = await profiles.restore(p.id);
    expect(back).toMatchObject({ id: p.id, name: 'Dup source', hasSecret: true });
    expect(await profiles.getSecret(p.id)).toBe(secret);
    await expect(profiles.restore(p.id)).rejects.toThrow(/can no longer be restored/);
  });
});

describe('Secret regenerated', () => {
  it('keeps the old secret when the new one fails, and replaces it once a token proves it', async () => {
    const { profiles, data } = services;
    const p = await profiles.save({
      fields: fields({
        name: 'Regen',
        team: '',
        cluster: '',
        baseUrl: sandbox.url,
        clientId: 'sandbox-basic',
      }),
      clientSecret: 'the-old-secret-value',
    });
    const wrong = await data.secrets.regenerate(p.id, 'a-wrong-new-secret', 'regen-request-1');
    expect(wrong.replaced).toBe(false);
    expect(wrong.result.response?.status).toBe(401);
    expect(await profiles.getSecret(p.id)).toBe('the-old-secret-value');
    expect(JSON.stringify(wrong.result)).not.toContain('a-wrong-new-secret');

    const right = await data.secrets.regenerate(p.id, secret, 'regen-request-2');
    expect(right.replaced).toBe(true);
    expect(right.result.token?.accessToken).toBeTruthy();
    expect(await profiles.getSecret(p.id)).toBe(secret);
    expect(JSON.stringify(right.result)).not.toContain(secret);
    expect((await data.secrets.reveal(p.id)).secret).toBe(secret);
  });
});
