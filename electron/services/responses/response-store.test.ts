import { describe, expect, it } from 'vitest';
import { ResponseStore } from './response-store';

const sample = {
  content: [
    {
      id: 'u-1',
      email: 'ada@example.com',
      tags: [],
      meta: {},
      note: 'a "quoted" \\ back, {not: a brace}',
    },
    { id: 'u-2', email: 'grace@example.com', n: -1.5e3, ok: true, none: null, name: 'Zoë ✓' },
  ],
  total: 2,
};

describe('response store', () => {
  it('pretty-prints JSON in main exactly as JSON.stringify(…, 2) and pages it', async () => {
    const store = new ResponseStore();
    const text = JSON.stringify(sample);
    const info = store.put(Buffer.from(text), 'application/json');
    expect(info.kind).toBe('json');
    const expected = JSON.stringify(JSON.parse(text), null, 2).split('\n');
    const page = await store.page(info.id, 'pretty', 0, 1000);
    expect(page).toMatchObject({ view: 'pretty', total: expected.length, complete: true });
    expect(page.lines).toEqual(expected);
    const slice = await store.page(info.id, 'pretty', 3, 2);
    expect(slice.lines).toEqual(expected.slice(3, 5));
  });

  it('searches in main, case-insensitive unless the query has capitals', async () => {
    const store = new ResponseStore();
    const info = store.put(Buffer.from(JSON.stringify(sample)), 'application/json');
    const pretty = JSON.stringify(sample, null, 2).split('\n');
    const hit = await store.search(info.id, 'pretty', 'grace@');
    expect(hit.lines.map((l) => pretty[l])).toEqual(['      "email": "grace@example.com",']);
    expect((await store.search(info.id, 'pretty', 'ADA')).matches).toBe(0);
    expect((await store.search(info.id, 'pretty', 'ada')).matches).toBe(1);
    expect((await store.search(info.id, 'raw', 'email')).lines).toEqual([0]);
  });

  it('falls back to raw lines for text that is not JSON, and says binary for bytes', async () => {
    const store = new ResponseStore();
    const broken = store.put(Buffer.from('{"a": [1, 2}'), 'application/json');
    const page = await store.page(broken.id, 'pretty', 0, 10);
    expect(page.view).toBe('raw');
    const text = store.put(Buffer.from('line 1\r\nline 2\nline 3'), 'text/plain');
    expect((await store.page(text.id, 'raw', 0, 10)).lines).toEqual(['line 1', 'line 2', 'line 3']);
    expect(store.put(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1]), 'image/png').kind).toBe('binary');
  });

  it('keeps only the last bodies', () => {
    const store = new ResponseStore(2);
    const first = store.put(Buffer.from('1'), 'text/plain');
    store.put(Buffer.from('2'), 'text/plain');
    store.put(Buffer.from('3'), 'text/plain');
    expect(() => store.info(first.id)).toThrow(/no longer kept/);
  });

  it('serves the first pretty page of a large body before indexing ends', async () => {
    const store = new ResponseStore();
    const rows = Array.from({ length: 200_000 }, (_, i) => ({
      id: i,
      name: `row ${i}`,
      tags: ['a', 'b'],
    }));
    const info = store.put(Buffer.from(JSON.stringify(rows)), 'application/json');
    const page = await store.page(info.id, 'pretty', 0, 50);
    expect(page.lines[0]).toBe('[');
    expect(page.lines[2]).toBe('    "id": 0,');
    const last = await store.search(info.id, 'pretty', 'row 199999');
    expect(last.lines).toHaveLength(1);
  });
});
