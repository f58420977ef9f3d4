import { NativeSelect, Stack } from '@mantine/core';
import type { AuthMethod, GrantType, ParamsAs, ProfileFields } from '../shared/profile';
import { authMethods, grantTypeLabels, grantTypes, paramsAsOptions } from '../shared/profile';
import { RedirectFields } from './redirect-fields';
import { RenewalFields } from './renewal-fields';

const grantDescriptions: Record<GrantType, string> = {
  client_credentials:
    'Server-to-server: the client sends its ID and secret and acts on its own behalf, not a user’s.',
  authorization_code:
    'With a user: the user signs in in the system browser, and the client exchanges the authorization code (PKCE S256) for a token.',
  device_code:
    'With a user, for a public client (as the platform’s CLI does): the user enters a code on a verification page.',
};

const methodDescriptions: Record<AuthMethod, string> = {
  client_secret_basic:
    'Client ID and secret in the Authorization header: Basic base64(client_id:client_secret).',
  client_secret_post: 'Client ID and secret as form parameters in the request body.',
  none: 'Public client: no secret; client_id in the body, PKCE protects the code.',
};

const paramsAsLabels: Record<ParamsAs, string> = {
  form: 'Form body',
  multipart: 'Multipart body',
  query: 'Query string',
};

const paramsAsDescriptions: Record<ParamsAs, string> = {
  form: 'application/x-www-form-urlencoded, as RFC 6749 defines it.',
  multipart: 'multipart/form-data, as in the platform’s curl example.',
  query: 'grant_type and scope in the token URL, as in the platform’s Postman example.',
};

/** How the client asks for a token: grant type, client authentication, parameter placement. */
export function ClientAuthFields({
  fields,
  onChange,
}: {
  fields: ProfileFields;
  onChange: (patch: Partial<ProfileFields>) => void;
}) {
  const basic = fields.authMethod === 'client_secret_basic';
  return (
    <Stack gap="sm">
      <NativeSelect
        label="Grant type"
        data={grantTypes.map((g) => ({ value: g, label: grantTypeLabels[g] }))}
        value={fields.grantType}
        data-field="grantType"
        onChange={(e) => onChange({ grantType: e.currentTarget.value as GrantType })}
        description={grantDescriptions[fields.grantType]}
      />
      {fields.grantType === 'authorization_code' && (
        <RedirectFields fields={fields} onChange={onChange} />
      )}
      <NativeSelect
        label="Authentication method"
        data={[...authMethods]}
        value={fields.authMethod}
        data-field="authMethod"
        onChange={(e) => onChange({ authMethod: e.currentTarget.value as AuthMethod })}
        description={methodDescriptions[fields.authMethod]}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
      />
      <NativeSelect
        label="Send parameters as"
        data={paramsAsOptions.map((p) => ({
          value: p,
          label: paramsAsLabels[p],
        }))}
        value={fields.paramsAs}
        data-field="paramsAs"
        onChange={(e) => onChange({ paramsAs: e.currentTarget.value as ParamsAs })}
        description={paramsAsDescriptions[fields.paramsAs]}
      />
      <NativeSelect
        label="Basic encoding"
        data={[
          { value: 'rfc6749', label: 'RFC 6749' },
          { value: 'raw', label: 'Raw' },
        ]}
        value={fields.basicEncoding}
        data-field="basicEncoding"
        disabled={!basic}
        onChange={(e) =>
          onChange({ basicEncoding: e.currentTarget.value as ProfileFields['basicEncoding'] })
        }
        description={
          !basic
            ? 'Only for client_secret_basic.'
            : fields.basicEncoding === 'rfc6749'
              ? 'ID and secret form-urlencoded before base64 (RFC 6749 §2.3.1).'
              : 'ID and secret as typed, as Postman and Insomnia send them.'
        }
      />
      <RenewalFields fields={fields} onChange={onChange} />
    </Stack>
  );
}
