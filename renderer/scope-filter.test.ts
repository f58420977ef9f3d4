import { describe, expect, it } from 'vitest';
import { scopeCatalog } from '../shared/scope-catalog';
import { addScopes, customScopeProblem, filterCatalog, removeScopes } from './scope-filter';

describe('scope filter', () => {
  it('keeps the whole catalog for an empty query', () => {
    expect(filterCatalog(scopeCatalog, '  ')).toHaveLength(scopeCatalog.length);
  });

  it('matches scope names, descriptions and group names', () => {
    const byScope = filterCatalog(scopeCatalog, 'audit.log');
    expect(byScope.map((g) => g.group)).toEqual(['Audit']);
    const byGroup = filterCatalog(scopeCatalog, 'task mining');
    expect(byGroup.map((g) => g.group)).toEqual(['Task Mining']);
    expect(byGroup[0]?.scopes.length).toBe(
      scopeCatalog.find((g) => g.group === 'Task Mining')?.scopes.length,
    );
    const byText = filterCatalog(scopeCatalog, 'login history');
    expect(byText.flatMap((g) => g.scopes.map((s) => s.scope))).toEqual([
      'team.login-history:read',
    ]);
  });

  it('adds and removes scopes keeping the order', () => {
    expect(addScopes(['a', 'b'], ['b', 'c'])).toEqual(['a', 'b', 'c']);
    expect(removeScopes(['a', 'b', 'c'], ['b'])).toEqual(['a', 'c']);
  });

  it('rejects custom scopes with spaces or duplicates', () => {
    expect(customScopeProblem('a b', [])).toMatch(/spaces/);
    expect(customScopeProblem('x"y', [])).toMatch(/quotes/);
    expect(customScopeProblem('studio', ['studio'])).toMatch(/already/);
    expect(customScopeProblem('my.scope:read', [])).toBeNull();
  });
});
