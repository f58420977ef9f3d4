import { describe, expect, it } from 'vitest';
import { apiCatalog, endpointsByScope, findEndpoint } from './api-catalog';
import { isCatalogScope } from './scope-catalog';

describe('API catalog', () => {
  it('lists only catalog scopes, with path params and a source', () => {
    for (const e of apiCatalog) {
      if (e.scope !== null) expect(isCatalogScope(e.scope), e.scope).toBe(true);
      expect(e.source).toContain('celonis-facts.md');
    }
    expect(findEndpoint('/intelligence/api/knowledge-models/km-1/records')?.pathParams).toEqual([
      'km',
    ]);
  });
  it('lists nothing for scopes without a known endpoint', () => {
    const scopes = new Set(apiCatalog.map((e) => e.scope));
    for (const s of [
      'integration.data-pools:read',
      'task-mining.gateway',
      'studio',
      'machine-learning',
    ]) {
      expect(scopes.has(s)).toBe(false);
    }
  });
  it('matches paths by method', () => {
    expect(findEndpoint('/intelligence/api/subscriptions/s1', 'DELETE')?.id).toBe(
      'subscription-delete',
    );
    expect(findEndpoint('/api/external/members')?.scope).toBe('team.user-group-info:read');
    expect(findEndpoint('/api/external/nothing')).toBeNull();
    expect(endpointsByScope()[0]?.scope).toBe('audit.log:read');
  });
});
