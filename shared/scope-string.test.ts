import { describe, expect, it } from 'vitest';
import { allCatalogScopes, scopeCatalog } from './scope-catalog';
import {
  buildScopeString,
  isValidScopeToken,
  missingScopes,
  parseScopeString,
} from './scope-string';

describe('scope string', () => {
  it('is undefined for an empty selection, so no scope parameter is sent', () => {
    expect(buildScopeString([])).toBeUndefined();
    expect(buildScopeString(['  ', ''])).toBeUndefined();
  });

  it('joins with single spaces, keeps order, drops duplicates', () => {
    expect(buildScopeString(['audit.log:read', 'studio', 'audit.log:read'])).toBe(
      'audit.log:read studio',
    );
  });

  it('parses a response scope and finds what was not granted', () => {
    expect(parseScopeString(' a  b ')).toEqual(['a', 'b']);
    expect(missingScopes(['a', 'b', 'c'], ['b'])).toEqual(['a', 'c']);
  });

  it('rejects spaces, quotes and backslashes in a scope token', () => {
    expect(isValidScopeToken('team.user-group-info:read')).toBe(true);
    expect(isValidScopeToken('a b')).toBe(false);
    expect(isValidScopeToken('a"b')).toBe(false);
    expect(isValidScopeToken('a\\b')).toBe(false);
  });
});

describe('scope catalog', () => {
  it('holds every group and scope of the seed document', () => {
    expect(scopeCatalog.map((g) => g.group)).toEqual([
      'Action engine',
      'Audit',
      'Authorization',
      'Integration',
      'Intelligence API',
      'Machine Learning',
      'MCP',
      'On-prem clients',
      'Orchestration Engine',
      'Package manager',
      'Platform adoption',
      'Storage manager',
      'Studio',
      'Task Mining',
      'Team',
      'User provisioning',
    ]);
    expect(allCatalogScopes).toHaveLength(36);
    expect(new Set(allCatalogScopes).size).toBe(allCatalogScopes.length);
    for (const s of allCatalogScopes) expect(isValidScopeToken(s)).toBe(true);
  });
});
