import { describe, expect, it } from 'vitest';
import { isSafeExternalUrl, openExternalSafely } from './external-links';

describe('external links', () => {
  it.each([
    ['https://acme.eu-1.celonis.cloud/oauth2/authorize?x=1', true],
    ['http://127.0.0.1:8080/', true],
    ['http://localhost/', true],
    ['http://example.com/', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['https://user:pw@example.com/', false],
    ['not a url', false],
  ])('%s is safe: %s', (url, safe) => {
    expect(isSafeExternalUrl(url)).toBe(safe);
  });

  it('opens only safe links', () => {
    const opened: string[] = [];
    const open = async (u: string) => void opened.push(u);
    expect(openExternalSafely(open, 'file:///x')).toBe(false);
    expect(openExternalSafely(open, 'https://docs.celonis.com/')).toBe(true);
    expect(opened).toEqual(['https://docs.celonis.com/']);
  });
});
