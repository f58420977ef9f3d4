import { describe, expect, it } from 'vitest';
import { resolveApiUrl } from './api-url';

describe('API URL', () => {
  const base = 'https://acme.eu-1.celonis.cloud';

  it('joins a path to the base URL and keeps a full http(s) URL', () => {
    expect(resolveApiUrl('/api/external/members?pageSize=5', base)).toBe(
      'https://acme.eu-1.celonis.cloud/api/external/members?pageSize=5',
    );
    expect(resolveApiUrl(' https://other.example/x ', base)).toBe('https://other.example/x');
  });

  it('names what is wrong: another scheme, an unparsable URL, no base URL', () => {
    expect(resolveApiUrl('file:///etc/passwd', base)).toMatchObject({
      kind: 'invalid-input',
      message: 'URL must use http or https, not file:',
    });
    expect(resolveApiUrl('http://[bad', base)).toMatchObject({
      message: expect.stringMatching(/cannot be parsed/),
    });
    expect(resolveApiUrl('/api/x', null)).toMatchObject({
      message: 'The profile has no base URL to resolve a path against.',
    });
  });
});
