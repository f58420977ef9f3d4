import type { MethodVariant } from '../../../shared/grant-results';
import type { AuthMethod, StoredProfile } from '../../../shared/profile';
import { clientCredentialsParams } from './grants/client-credentials';

/** The three ways of authenticating a confidential client that the method probe tries. */
export const probeVariants: {
  variant: MethodVariant;
  label: string;
  authMethod: AuthMethod;
  encoding: 'rfc6749' | 'raw';
}[] = [
  {
    variant: 'basic-rfc6749',
    label: 'client_secret_basic (RFC 6749 encoding)',
    authMethod: 'client_secret_basic',
    encoding: 'rfc6749',
  },
  {
    variant: 'basic-raw',
    label: 'client_secret_basic (raw)',
    authMethod: 'client_secret_basic',
    encoding: 'raw',
  },
  {
    variant: 'post',
    label: 'client_secret_post',
    authMethod: 'client_secret_post',
    encoding: 'rfc6749',
  },
];

/** A code and a device code no server issued: a refusal of them comes after authentication. */
export const PROBE_CODE = 'token-workbench-method-probe';

/**
 * The method probe's request body, with the grant the profile uses. For the sign-in grants the
 * code is one the server never issued, so the server authenticates the client and then refuses
 * the grant (invalid_grant), or refuses the client first (invalid_client).
 */
export function probeParams(profile: StoredProfile): [string, string][] {
  switch (profile.grantType) {
    case 'authorization_code':
      return [
        ['grant_type', 'authorization_code'],
        ['code', PROBE_CODE],
        ['redirect_uri', `http://127.0.0.1:${profile.redirectPort}${profile.redirectPath}`],
      ];
    case 'device_code':
      return [
        ['grant_type', 'urn:ietf:params:oauth:grant-type:device_code'],
        ['device_code', PROBE_CODE],
      ];
    default:
      return clientCredentialsParams(profile.scopes);
  }
}
