import { describe, expect, it } from 'vitest';
import { checkOverrideUrl, joinUrl, parseTeamUrl, teamBaseUrl } from './team-url';

describe('team URL', () => {
  it('builds the base URL from team and cluster', () => {
    expect(teamBaseUrl({ team: 'acme', cluster: 'eu-1' })).toBe('https://acme.eu-1.celonis.cloud');
  });

  it.each([
    ['https://acme.eu-1.celonis.cloud/package-manager/ui/views?x=1', 'acme', 'eu-1'],
    ['acme.us-2.celonis.cloud', 'acme', 'us-2'],
    ['  HTTPS://Acme-Corp.EU-1.Celonis.Cloud/  ', 'acme-corp', 'eu-1'],
    ['https://acme.eu-1.celonis.cloud:443/oauth2/token', 'acme', 'eu-1'],
  ])('reads team and cluster from %s', (input, team, cluster) => {
    expect(parseTeamUrl(input)).toEqual({ team, cluster });
  });

  it.each([
    'https://example.com',
    'https://a.b.c.celonis.cloud',
    'https://celonis.cloud',
    '',
    'not a url at all',
  ])('refuses %s', (input) => {
    expect(parseTeamUrl(input)).toBeNull();
  });

  it('allows plain http only for loopback overrides', () => {
    expect(checkOverrideUrl('https://proxy.example.com/celonis')).toBeNull();
    expect(checkOverrideUrl('http://127.0.0.1:8080')).toBeNull();
    expect(checkOverrideUrl('http://localhost:3000')).toBeNull();
    expect(checkOverrideUrl('http://[::1]:3000')).toBeNull();
    expect(checkOverrideUrl('http://example.com')).toMatch(/loopback/);
    expect(checkOverrideUrl('ftp://example.com')).toMatch(/https/);
    expect(checkOverrideUrl('https://user:pw@example.com')).toMatch(/user name/);
    expect(checkOverrideUrl('nope')).toMatch(/not a valid URL/);
  });

  it('joins paths keeping a base path prefix', () => {
    expect(joinUrl('https://h/proxy/', '/oauth2/token')).toBe('https://h/proxy/oauth2/token');
  });
});
