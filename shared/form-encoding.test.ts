import { describe, expect, it } from 'vitest';
import {
  basicAuthorizationHeader,
  basicCredentialsPlain,
  encodeFormBody,
  formUrlEncode,
} from './form-encoding';

const id = '1PpG/Q 1';
const secret = 'z/tZ9VwFZqApmIQ+ZH1I5pLk/uB4ud:X2/8bL+wfFTt1rFw=';

describe('form-urlencoding (RFC 6749 Appendix B)', () => {
  it('encodes the Appendix B example', () => {
    expect(formUrlEncode(' %&+£€')).toBe('+%25%26%2B%C2%A3%E2%82%AC');
  });

  it('differs from encodeURIComponent for space', () => {
    expect(formUrlEncode('a b')).toBe('a+b');
    expect(encodeURIComponent('a b')).toBe('a%20b');
  });

  it('builds a form body in order', () => {
    expect(
      encodeFormBody([
        ['grant_type', 'client_credentials'],
        ['scope', 'a:read b'],
      ]),
    ).toBe('grant_type=client_credentials&scope=a%3Aread+b');
  });
});

describe('client_secret_basic (RFC 6749 §2.3.1)', () => {
  it('form-encodes id and secret before base64', () => {
    const plain = basicCredentialsPlain(id, secret, 'rfc6749');
    expect(plain).toBe('1PpG%2FQ+1:z%2FtZ9VwFZqApmIQ%2BZH1I5pLk%2FuB4ud%3AX2%2F8bL%2BwfFTt1rFw%3D');
    const header = basicAuthorizationHeader(id, secret, 'rfc6749');
    expect(header).toBe(`Basic ${Buffer.from(plain).toString('base64')}`);
  });

  it('sends id and secret as they are in raw mode', () => {
    const header = basicAuthorizationHeader(id, secret, 'raw');
    expect(Buffer.from(header.slice(6), 'base64').toString('utf8')).toBe(`${id}:${secret}`);
  });

  it('encodes non-ASCII as UTF-8 before base64', () => {
    const header = basicAuthorizationHeader('ä', '€', 'raw');
    expect(Buffer.from(header.slice(6), 'base64').toString('utf8')).toBe('ä:€');
  });
});
