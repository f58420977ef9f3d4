/** What Save response did: saved through the app's dialog, cancelled, or a browser download. */
export type SaveAsOutcome =
  | { outcome: 'saved'; path: string; bytes: number }
  | { outcome: 'cancelled' }
  /** Browser host: a one-time link the page opens to download the body, streamed from main. */
  | { outcome: 'download'; url: string; fileName: string };

/** A file name from the renderer, made safe as a default name or download name. */
export function safeFileName(name: string): string {
  const cleaned = name
    .replace(/[/\\:*?"<>|]/g, '_')
    .split('')
    .map((c) => (c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f ? '_' : c))
    .join('')
    .trim();
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? 'response.txt' : cleaned;
}
