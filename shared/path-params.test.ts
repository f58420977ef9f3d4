import { describe, expect, it } from 'vitest';
import { fillPathParams, pathPlaceholders, syncPathParams } from './path-params';

describe('path parameters', () => {
  const url = '/intelligence/api/knowledge-models/{km}/triggers/{t}/subscriptions?x={notAParam}';

  it('finds the placeholders of the path only, in order, once each, never {{variables}}', () => {
    expect(pathPlaceholders(url)).toEqual(['km', 't']);
    expect(pathPlaceholders('{{base}}/a/{id}/b/{id}#{frag}')).toEqual(['id']);
    expect(pathPlaceholders('/plain/path')).toEqual([]);
  });

  it('keeps typed values when the URL changes and drops rows that are gone', () => {
    const rows = syncPathParams(url, [
      { name: 't', value: 'trigger-1' },
      { name: 'old', value: 'x' },
    ]);
    expect(rows).toEqual([
      { name: 'km', value: '' },
      { name: 't', value: 'trigger-1' },
    ]);
  });

  it('fills placeholders percent-encoded as one segment and leaves the query alone', () => {
    const out = fillPathParams(url, [
      { name: 'km', value: 'km 1/a' },
      { name: 't', value: 't-2' },
    ]);
    expect(out).toEqual({
      ok: true,
      url: '/intelligence/api/knowledge-models/km%201%2Fa/triggers/t-2/subscriptions?x={notAParam}',
    });
  });

  it('names every placeholder without a value', () => {
    const out = fillPathParams(url, [{ name: 'km', value: '  ' }]);
    expect(out.ok).toBe(false);
    if (!out.ok) {
      expect(out.missing).toEqual(['km', 't']);
      expect(out.message).toBe(
        'Path parameters {km}, {t} have no value: fill them in under Params',
      );
    }
    const one = fillPathParams('/a/{id}', []);
    expect(!one.ok && one.message).toBe(
      'Path parameter {id} has no value: fill it in under Params',
    );
  });
});
