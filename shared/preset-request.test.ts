import { describe, expect, it } from 'vitest';
import { apiCatalog } from './api-catalog';
import { presetForScope, presetRequestFields } from './preset-request';
import { requestDraftFieldsSchema } from './saved-request-schema';

describe('preset for a scope', () => {
  it('picks a GET of that scope, one without path parameters when there is one', () => {
    const scopes = [...new Set(apiCatalog.map((e) => e.scope).filter((s) => s !== null))];
    expect(scopes.length).toBeGreaterThan(1);
    for (const scope of scopes) {
      const preset = presetForScope(scope);
      expect(preset?.scope).toBe(scope);
      const plain = apiCatalog.some(
        (e) => e.scope === scope && e.method === 'GET' && e.pathParams.length === 0,
      );
      if (plain) expect(preset?.pathParams).toEqual([]);
    }
    expect(presetForScope('no.such-scope:read')).toBeNull();
  });

  it('gives valid draft fields: query as rows, one row per path parameter', () => {
    for (const endpoint of apiCatalog) {
      const fields = presetRequestFields(endpoint);
      expect(requestDraftFieldsSchema.safeParse(fields).success).toBe(true);
      expect(fields.url).toBe(endpoint.path);
      expect(fields.url).not.toContain('?');
      expect(fields.pathParams.map((p) => p.name)).toEqual(endpoint.pathParams);
      const query = new URLSearchParams(endpoint.query);
      expect(fields.query.map((q) => [q.name, q.value])).toEqual([...query]);
    }
  });
});
