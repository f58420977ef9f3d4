/** Display helpers for wire data: sizes, status lines, bodies. */

export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function formatMs(ms: number): string {
  return `${Math.round(ms)} ms`;
}

/** `200 OK`, `403 Forbidden`, or just the code when the reason phrase is missing. */
export function statusLine(status: number, statusText: string): string {
  const text = statusText.trim();
  return text ? `${status} ${text}` : String(status);
}

/** Mantine colour for a status class. */
export function statusColor(status: number): string {
  if (status >= 500) return 'red';
  if (status >= 400) return 'orange';
  if (status >= 300) return 'blue';
  if (status >= 200) return 'green';
  return 'gray';
}

/** Above this size a body is shown as received, without parsing it. */
export const prettyPrintLimit = 2_000_000;

/**
 * The body as shown: pretty-printed with two spaces when it parses as JSON (and is not huge),
 * otherwise unchanged.
 */
export function prettyBody(text: string): { text: string; json: boolean } {
  const trimmed = text.trim();
  if (!trimmed || text.length > prettyPrintLimit) return { text, json: false };
  if (!/^[[{"\d-]|^(true|false|null)$/.test(trimmed)) return { text, json: false };
  try {
    return { text: JSON.stringify(JSON.parse(trimmed), null, 2), json: true };
  } catch {
    return { text, json: false };
  }
}
