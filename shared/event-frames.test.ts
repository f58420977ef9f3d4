import { describe, expect, it } from 'vitest';
import { createFrameReader, MAX_FRAME_CHARS } from './event-frames';

describe('Server-Sent Events frame reader', () => {
  it('reads frames split across chunks, skips comments, joins multi-line data', () => {
    const reader = createFrameReader();
    expect(reader.push(': connected\n\nevent: tokenState\ndata: {"a"')).toEqual([]);
    expect(reader.push(':1}\n\n: heartbeat\n\nevent: x\ndata: one\ndata: two\n\n')).toEqual([
      { event: 'tokenState', data: '{"a":1}' },
      { event: 'x', data: 'one\ntwo' },
    ]);
  });

  it('accepts CRLF line ends and drops an endless unfinished frame instead of buffering it', () => {
    const reader = createFrameReader();
    expect(reader.push('event: e\r\ndata: d\r\n\r\n')).toEqual([{ event: 'e', data: 'd' }]);
    reader.push(`data: ${'x'.repeat(MAX_FRAME_CHARS + 1)}`);
    expect(reader.push('\n\nevent: next\ndata: ok\n\n')).toEqual([{ event: 'next', data: 'ok' }]);
  });
});
