import { describe, expect, it } from 'vitest';
import { buildApiRequest } from './api-request';
import type { ParamsAs } from './profile';
import { layoutFromRecorded } from './recorded-layout';
import { buildTokenRequest } from './token-request';

const params: [string, string][] = [
  ['grant_type', 'authorization_code'],
  ['code', 'c+/='],
  ['redirect_uri', 'http://127.0.0.1:1/cb'],
  ['code_verifier', 'v'],
];

describe('layout of a call recorded before history kept layouts', () => {
  it.each<[ParamsAs, 'client_secret_basic' | 'client_secret_post']>([
    ['form', 'client_secret_basic'],
    ['multipart', 'client_secret_basic'],
    ['query', 'client_secret_post'],
    ['multipart', 'client_secret_post'],
  ])('%s, %s: the same layout as the builder records', (paramsAs, authMethod) => {
    const built = buildTokenRequest({
      tokenUrl: 'https://acme.eu-1.celonis.cloud/oauth2/token',
      clientId: 'team:app/1',
      clientSecret: 's e+c/r=e%t',
      authMethod,
      paramsAs,
      basicEncoding: 'raw',
      params,
      multipartBoundary: 'B',
    });
    const read = layoutFromRecorded(built.shown, {
      clientId: 'team:app/1',
      basicEncoding: 'raw',
      authorization: null,
    });
    expect(read).toEqual(built.layout);
  });

  it('an API call: the Authorization header by what the call used', () => {
    const built = buildApiRequest(
      {
        method: 'GET',
        url: 'https://acme.eu-1.celonis.cloud/api/external/members',
        headers: [['Authorization', 'AppKey k3y']],
      },
      'api_key',
    );
    const read = layoutFromRecorded(built.shown, {
      clientId: 'x',
      basicEncoding: 'rfc6749',
      authorization: 'api_key',
    });
    expect(read).toEqual(built.layout);
  });
});
