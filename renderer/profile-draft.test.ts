import { describe, expect, it } from 'vitest';
import { emptyProfileFields } from '../shared/profile';
import type { ProfileView } from '../shared/profile';
import { draftOf, errorField, isDirty, saveInput, withTeamInput } from './profile-draft';

const profile: ProfileView = {
  ...emptyProfileFields,
  name: 'Acme',
  team: 'acme',
  cluster: 'eu-1',
  clientId: 'abc',
  scopes: ['studio'],
  id: 'p1',
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
  hasSecret: true,
  secretPreview: 'ab••••••yz (40 chars)',
  secretStorage: 'keychain',
  effectiveBaseUrl: 'https://acme.eu-1.celonis.cloud',
  effectiveTokenUrl: 'https://acme.eu-1.celonis.cloud/oauth2/token',
};

describe('profile draft', () => {
  it('keeps the saved secret unless one is typed or removed', () => {
    const draft = draftOf(profile);
    expect(isDirty(draft, profile)).toBe(false);
    expect(saveInput(draft, 'p1')).not.toHaveProperty('clientSecret');
    expect(saveInput({ ...draft, secret: 's3cret' }, 'p1').clientSecret).toBe('s3cret');
    expect(saveInput({ ...draft, removeSecret: true }, 'p1').clientSecret).toBeNull();
    expect(saveInput(draft, null)).not.toHaveProperty('id');
  });

  it('notices changed fields and scopes', () => {
    const draft = draftOf(profile);
    expect(isDirty({ ...draft, fields: { ...draft.fields, scopes: [] } }, profile)).toBe(true);
    expect(isDirty({ ...draft, secret: 'x' }, profile)).toBe(true);
  });

  it('compares variables by value, not by identity', () => {
    const withVars: ProfileView = {
      ...profile,
      variables: [{ name: 'team', value: 'acme', enabled: true }],
    };
    const draft = draftOf(withVars);
    const copy = {
      ...draft,
      fields: { ...draft.fields, variables: [{ ...withVars.variables[0]! }] },
    };
    expect(isDirty(copy, withVars)).toBe(false);
    const edit = (v: Partial<ProfileView['variables'][number]>) => ({
      ...draft,
      fields: { ...draft.fields, variables: [{ ...withVars.variables[0]!, ...v }] },
    });
    expect(isDirty(edit({ value: 'acme2' }), withVars)).toBe(true);
    expect(isDirty(edit({ enabled: false }), withVars)).toBe(true);
    expect(isDirty({ ...draft, fields: { ...draft.fields, variables: [] } }, withVars)).toBe(true);
  });

  it('maps error fields to form fields', () => {
    expect(errorField('scopes.3')).toBe('scopes');
    expect(errorField('fields.clientId')).toBe('clientId');
    expect(errorField(undefined)).toBeNull();
  });

  it('fills team and cluster from a pasted team URL', () => {
    const fields = withTeamInput(emptyProfileFields, 'team', 'https://Acme.eu-1.celonis.cloud/x?y');
    expect(fields.team).toBe('acme');
    expect(fields.cluster).toBe('eu-1');
    expect(withTeamInput(emptyProfileFields, 'cluster', 'us-2').cluster).toBe('us-2');
  });

  it('starts a new profile with the renewal lead time from Settings', () => {
    const draft = draftOf(null, 180);
    expect(draft.fields.renewLeadSeconds).toBe(180);
    expect(isDirty(draft, null, 180)).toBe(false);
    expect(isDirty(draft, null, 60)).toBe(true);
    expect(draftOf(profile, 180).fields.renewLeadSeconds).toBe(profile.renewLeadSeconds);
  });
});
