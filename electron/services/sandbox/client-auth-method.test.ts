import { describe, expect, it } from 'vitest';
import { presentedSecretMethod, usesUnregisteredMethod } from './client-auth-method';
import { basicAuth } from './sandbox-test-helpers';

const registered = new Map([
  ['sandbox-basic', 'client_secret_basic'],
  ['sandbox-post', 'client_secret_post'],
  ['sandbox-public', 'none'],
]);
const none = new URLSearchParams();
const postFields = (clientId: string) =>
  new URLSearchParams({ client_id: clientId, client_secret: 's' });

describe('presentedSecretMethod', () => {
  it('reads a form-encoded Basic header and a post body', () => {
    expect(presentedSecretMethod(basicAuth('id with space', 'a+b'), none)).toEqual({
      clientId: 'id with space',
      method: 'client_secret_basic',
    });
    expect(presentedSecretMethod(undefined, postFields('x'))).toEqual({
      clientId: 'x',
      method: 'client_secret_post',
    });
  });

  it('leaves everything else to oidc-provider', () => {
    expect(presentedSecretMethod('Bearer abc', none)).toBeUndefined();
    expect(presentedSecretMethod(`Basic ${Buffer.from('%zz:s').toString('base64')}`, none)).toBe(
      undefined,
    );
    expect(presentedSecretMethod(undefined, new URLSearchParams({ client_id: 'x' }))).toBe(
      undefined,
    );
  });
});

describe('usesUnregisteredMethod', () => {
  it('flags a confidential client using the other secret method', () => {
    expect(usesUnregisteredMethod(undefined, postFields('sandbox-basic'), registered)).toBe(true);
    expect(usesUnregisteredMethod(basicAuth('sandbox-post', 's'), none, registered)).toBe(true);
  });

  it('lets the registered method, unknown clients and public clients through', () => {
    expect(usesUnregisteredMethod(basicAuth('sandbox-basic', 's'), none, registered)).toBe(false);
    expect(usesUnregisteredMethod(undefined, postFields('sandbox-post'), registered)).toBe(false);
    expect(usesUnregisteredMethod(undefined, postFields('someone'), registered)).toBe(false);
    expect(usesUnregisteredMethod(undefined, postFields('sandbox-public'), registered)).toBe(false);
  });
});
