/** One Server-Sent Events frame: its `event:` name and its `data:` text. */
export interface EventFrame {
  event: string;
  data: string;
}

/** Largest frame accepted; a longer one (a broken stream) is dropped, not buffered. */
export const MAX_FRAME_CHARS = 4 * 1024 * 1024;

/**
 * Reads Server-Sent Events text as it arrives in chunks: `push` returns the frames completed by
 * this chunk and keeps the unfinished rest. Comment lines (`: heartbeat`) are skipped.
 */
export function createFrameReader(): { push(chunk: string): EventFrame[] } {
  let buffer = '';
  return {
    push(chunk) {
      buffer += chunk.replace(/\r\n?/g, '\n');
      const frames: EventFrame[] = [];
      let end = buffer.indexOf('\n\n');
      while (end !== -1) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        let event = 'message';
        const data: string[] = [];
        for (const line of block.split('\n')) {
          if (line.startsWith(':')) continue;
          const colon = line.indexOf(':');
          const field = colon === -1 ? line : line.slice(0, colon);
          const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
          if (field === 'event') event = value;
          else if (field === 'data') data.push(value);
        }
        if (data.length > 0) frames.push({ event, data: data.join('\n') });
        end = buffer.indexOf('\n\n');
      }
      if (buffer.length > MAX_FRAME_CHARS) buffer = '';
      return frames;
    },
  };
}
