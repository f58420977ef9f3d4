import { describe, expect, it } from 'vitest';
import { indexSidebar, sidebarRows, type SidebarProfile } from './sidebar-rows';

const profile = (id: string, name: string, team = 'acme', sandbox = false): SidebarProfile => ({
  id,
  name,
  team,
  cluster: 'eu-1',
  sandbox,
  clientId: `client-${id}`,
  effectiveBaseUrl: null,
});

const index = indexSidebar(
  [profile('b', 'Reporting'), profile('a', 'Admin'), profile('s', 'Sandbox', '', true)],
  [
    { id: 'r1', profileId: 'a', name: 'List members', method: 'GET' },
    { id: 'r2', profileId: 'a', name: 'Audit log', method: 'GET' },
  ],
);

describe('sidebar rows', () => {
  it('groups by team, sorted, with counts; requests only when expanded', () => {
    const rows = sidebarRows(index, '', new Set());
    expect(rows.map((r) => r.key)).toEqual(['g:acme · eu-1', 'p:a', 'p:b', 'g:Sandbox', 'p:s']);
    const open = sidebarRows(index, '', new Set(['a']));
    expect(open.map((r) => r.key)).toEqual([
      'g:acme · eu-1',
      'p:a',
      'r:r2',
      'r:r1',
      'p:b',
      'g:Sandbox',
      'p:s',
    ]);
    expect(open.find((r) => r.key === 'p:a')).toMatchObject({ requests: 2, expanded: true });
  });

  it('a query matching a request shows its profile expanded with only the hits', () => {
    const rows = sidebarRows(index, 'audit', new Set());
    expect(rows.map((r) => r.key)).toEqual(['g:acme · eu-1', 'p:a', 'r:r2']);
  });

  it('a query matching a profile by client ID keeps its group count right', () => {
    const rows = sidebarRows(index, 'CLIENT-B', new Set());
    expect(rows).toEqual([
      { kind: 'group', key: 'g:acme · eu-1', label: 'acme · eu-1', count: 1 },
      expect.objectContaining({ key: 'p:b', expanded: false }),
    ]);
    expect(sidebarRows(index, 'nothing like it', new Set())).toEqual([]);
  });
});

describe('sidebar rows across queries', () => {
  it('returns the same row objects for every query, so rendered rows can be kept', () => {
    const all = sidebarRows(index, '', new Set(['a']));
    const hits = sidebarRows(index, 'LIST', new Set());
    const byKey = new Map(all.map((r) => [r.key, r]));
    for (const row of hits.filter((r) => r.kind !== 'group')) {
      expect(row).toBe(byKey.get(row.key));
    }
    expect(sidebarRows(index, 'admin', new Set())[1]).toBe(sidebarRows(index, '', new Set())[1]);
  });

  it('a profile hit collapsed shows no requests; expanded, all of them', () => {
    expect(sidebarRows(index, 'admin', new Set()).map((r) => r.key)).toEqual([
      'g:acme · eu-1',
      'p:a',
    ]);
    expect(sidebarRows(index, 'admin', new Set(['a'])).map((r) => r.key)).toEqual([
      'g:acme · eu-1',
      'p:a',
      'r:r2',
      'r:r1',
    ]);
  });
});
