import { describe, expect, it } from 'vitest';
import { queryRows, withQueryRows } from './request-draft';

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
