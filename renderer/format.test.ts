import { describe, expect, it } from 'vitest';
import { formatBytes, prettyBody, statusColor, statusLine } from './format';

describe('format', () => {
  it('formats sizes in B, KB and MB', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(5 * 1024 * 1024)).toBe('5.0 MB');
  });

  it('starts the status line with the code', () => {
    expect(statusLine(200, 'OK')).toBe('200 OK');
    expect(statusLine(403, 'Forbidden')).toBe('403 Forbidden');
    expect(statusLine(599, '')).toBe('599');
    expect(statusColor(201)).toBe('green');
    expect(statusColor(401)).toBe('orange');
    expect(statusColor(502)).toBe('red');
  });

  it('pretty-prints JSON and leaves anything else as received', () => {
    expect(prettyBody('{"a":1,"b":[true]}')).toEqual({
      text: '{\n  "a": 1,\n  "b": [\n    true\n  ]\n}',
      json: true,
    });
    expect(prettyBody('<html>nope</html>')).toEqual({ text: '<html>nope</html>', json: false });
    expect(prettyBody('{broken')).toEqual({ text: '{broken', json: false });
    expect(prettyBody('')).toEqual({ text: '', json: false });
  });
});
