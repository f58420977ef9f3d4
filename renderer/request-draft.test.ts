import { describe, expect, it } from 'vitest';
import { draftToFields, fieldsToDraft, queryRows, withQueryRows } from './request-draft';

describe('query rows kept in step with the URL', () => {
  it('reads and writes the query of a path', () => {
    const url = '/log/api/external/audit?pageNumber=0&pageSize=200&from=2026-01-01T00%3A00%3A00Z';
    const rows = queryRows(url);
    expect(rows).toEqual([
      { name: 'pageNumber', value: '0' },
      { name: 'pageSize', value: '200' },
      { name: 'from', value: '2026-01-01T00:00:00Z' },
    ]);
    expect(withQueryRows(url, rows)).toBe(url);
    expect(withQueryRows(url, [{ name: 'pageSize', value: '50' }])).toBe(
      '/log/api/external/audit?pageSize=50',
    );
    expect(withQueryRows('/x?a=1', [])).toBe('/x');
    expect(withQueryRows('https://h/x#f', [{ name: 'a b', value: 'c&d' }])).toBe(
      'https://h/x?a%20b=c%26d#f',
    );
  });
});

describe('drafts as stored fields', () => {
  it('keeps {{variables}} readable in the query', () => {
    expect(withQueryRows('/x', [{ name: 'team', value: '{{team}} & co' }])).toBe(
      '/x?team={{team}}%20%26%20co',
    );
  });

  it('splits the query into rows and puts it back', () => {
    const draft = {
      name: 'Members',
      method: 'GET' as const,
      url: '{{base}}/api/external/members?pageSize={{size}}&q=a%20b#top',
      headers: [{ key: 1, name: 'Accept', value: 'application/json', enabled: true }],
      body: '',
      auth: 'apiKey' as const,
      apiKeyScheme: 'AppKey' as const,
      pathParams: [],
    };
    const fields = draftToFields(draft);
    expect(fields).toMatchObject({
      url: '{{base}}/api/external/members#top',
      query: [
        { name: 'pageSize', value: '{{size}}', enabled: true },
        { name: 'q', value: 'a b', enabled: true },
      ],
      headers: [{ name: 'Accept', value: 'application/json', enabled: true }],
      auth: 'apiKey',
    });
    const back = fieldsToDraft(fields);
    expect(back.url).toBe(draft.url);
    expect(back.name).toBe('Members');
  });
});
