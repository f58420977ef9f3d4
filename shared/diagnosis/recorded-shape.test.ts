import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { authMethods, paramsAsOptions } from '../profile';
import { buildTokenRequest } from '../token-request';
import { normalizedUrl, shapeFromLayout } from './recorded-shape';

const cases = authMethods.flatMap((authMethod) =>
  paramsAsOptions.flatMap((paramsAs) =>
    (['rfc6749', 'raw'] as const).map((basicEncoding) => ({ authMethod, paramsAs, basicEncoding })),
  ),
);

describe('a token call read back from its history layout', () => {
  it.each(cases)(
    '$authMethod, $paramsAs, $basicEncoding: the same shape the call was built from',
    (c) => {
      const tokenUrl = 'https://acme.eu-1.celonis.cloud/oauth2/token';
      const { layout } = buildTokenRequest({
        tokenUrl,
        clientId: 'interop:team/reporting',
        ...(c.authMethod === 'none' ? {} : { clientSecret: 'fake-secret-for-tests' }),
        authMethod: c.authMethod,
        paramsAs: c.paramsAs,
        basicEncoding: c.basicEncoding,
        params: [
          ['grant_type', 'client_credentials'],
          ['scope', 'team.user-group-info:read audit.log:read'],
        ],
      });
      expect(JSON.stringify(layout)).not.toContain('fake-secret-for-tests');
      expect(shapeFromLayout(layout)).toEqual({
        tokenUrl: normalizedUrl(tokenUrl),
        clientId: 'interop:team/reporting',
        authMethod: c.authMethod,
        // Only Basic carries an encoding; the others read back as the default.
        basicEncoding: c.authMethod === 'client_secret_basic' ? c.basicEncoding : 'rfc6749',
        paramsAs: c.paramsAs,
        scopes: ['team.user-group-info:read', 'audit.log:read'],
        secretTag: undefined,
      });
    },
  );

  it('anything else (an older entry, a file edited by hand) gives null or a shape, never a throw', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const shape = shapeFromLayout(value);
        if (shape !== null) expect(typeof shape.clientId).toBe('string');
      }),
    );
    expect(shapeFromLayout({ url: ['not a url'], headers: [] })).toBeNull();
    expect(shapeFromLayout({ url: ['https://x.test/t'], headers: [] })).toBeNull();
  });
});
