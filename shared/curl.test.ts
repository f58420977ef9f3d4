import { describe, expect, it } from 'vitest';
import { curlVariableNames, renderCurlCommand, type CurlRequest } from './curl';
import type { SecretKind, SlotShape } from './structured-wire';

const url = 'https://acme.eu-1.celonis.cloud/oauth2/token';

function inForm(name: string, slot: SlotShape, value?: string): CurlRequest {
  return {
    method: 'POST',
    url: [url],
    headers: [['Accept', ['application/json']]],
    body: {
      type: 'form',
      fields: [
        ['grant_type', 'x'],
        [name, value === undefined ? slot : { ...slot, value }],
      ],
    },
  } as CurlRequest;
}

function inHeader(scheme: string, slot: SlotShape, value?: string): CurlRequest {
  return {
    method: 'GET',
    url: ['https://acme.eu-1.celonis.cloud/api/external/members'],
    headers: [['Authorization', [`${scheme} `, value === undefined ? slot : { ...slot, value }]]],
  } as CurlRequest;
}

const formKinds: [SecretKind, string, string][] = [
  ['client_secret', 'client_secret', 'CLIENT_SECRET'],
  ['refresh_token', 'refresh_token', 'REFRESH_TOKEN'],
  ['authorization_code', 'code', 'AUTH_CODE'],
  ['code_verifier', 'code_verifier', 'CODE_VERIFIER'],
  ['device_code', 'device_code', 'DEVICE_CODE'],
];

describe('curl rendering per value kind', () => {
  it.each(formKinds)('%s in a form body: $%s form-encoded by the command', (kind, field, name) => {
    const { command, variables } = renderCurlCommand(inForm(field, { kind } as SlotShape));
    expect(curlVariableNames[kind]).toBe(name);
    expect(variables.map((v) => v.name)).toEqual([name]);
    expect(command).toContain(`&${field}=$(form_encode "$${name}")"`);
    expect(command).toContain('form_encode() {');
  });

  it.each(formKinds)('%s in a form body with its value: the value form-encoded', (kind, field) => {
    const { command, variables } = renderCurlCommand(
      inForm(field, { kind } as SlotShape, 'a b+c/d'),
    );
    expect(variables).toEqual([]);
    expect(command).toContain(`${field}=a+b%2Bc%2Fd'`);
    expect(command).not.toContain('form_encode');
  });

  it.each<[SecretKind, string, string]>([
    ['access_token', 'Bearer', 'ACCESS_TOKEN'],
    ['api_key', 'Bearer', 'API_KEY'],
    ['api_key', 'AppKey', 'API_KEY'],
    ['custom_authorization', 'Token', 'AUTHORIZATION'],
  ])('%s in the Authorization header (%s): $%s as it is', (kind, scheme, name) => {
    const { command, variables } = renderCurlCommand(inHeader(scheme, { kind } as SlotShape));
    expect(variables.map((v) => v.name)).toEqual([name]);
    expect(command).toContain(`-H "Authorization: ${scheme} $${name}"`);
    const real = renderCurlCommand(inHeader(scheme, { kind } as SlotShape, 'k+/=y'));
    expect(real.command).toContain(`-H 'Authorization: ${scheme} k+/=y'`);
  });

  it('basic_credentials (RFC 6749): the client ID encoded in the command, $CLIENT_SECRET encoded', () => {
    const slot: SlotShape = {
      kind: 'basic_credentials',
      clientId: '1PpG/Q 1',
      basicEncoding: 'rfc6749',
    };
    const { command, variables } = renderCurlCommand(inHeader('Basic', slot));
    expect(variables.map((v) => v.name)).toEqual(['CLIENT_SECRET']);
    expect(command).toContain(
      `"Authorization: Basic $(printf '%s:%s' '1PpG%2FQ+1' "$(form_encode "$CLIENT_SECRET")" | base64 | tr -d '\\n')"`,
    );
  });

  it('basic_credentials (raw): the whole client ID, colons included, and $CLIENT_SECRET as is', () => {
    const slot: SlotShape = { kind: 'basic_credentials', clientId: 'a:b/c', basicEncoding: 'raw' };
    const { command } = renderCurlCommand(inHeader('Basic', slot));
    expect(command).toContain(`printf '%s:%s' 'a:b/c' "$CLIENT_SECRET"`);
    expect(command).not.toContain('form_encode');
  });

  it('one variable per kind, however often it appears; the preamble names each once', () => {
    const req: CurlRequest = {
      method: 'POST',
      url: [url],
      headers: [
        [
          'Authorization',
          ['Basic ', { kind: 'basic_credentials', clientId: 'c', basicEncoding: 'raw' }],
        ],
      ],
      body: {
        type: 'multipart',
        boundary: 'B',
        fields: [
          ['client_secret', { kind: 'client_secret' }],
          ['refresh_token', { kind: 'refresh_token' }],
        ],
      },
    };
    const { command, variables } = renderCurlCommand(req);
    expect(variables.map((v) => v.name)).toEqual(['CLIENT_SECRET', 'REFRESH_TOKEN']);
    expect(command.split('\n')[0]).toMatch(/^# Set first: CLIENT_SECRET \(.*\); REFRESH_TOKEN \(/);
    expect(command).toContain(`--form-string "client_secret=$CLIENT_SECRET"`);
    expect(command).toContain(`--form-string "refresh_token=$REFRESH_TOKEN"`);
    expect(command).not.toContain('Content-Type');
  });
});
