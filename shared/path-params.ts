/**
 * `{placeholders}` in a request's path (as the API presets write them, e.g.
 * `/intelligence/api/knowledge-models/{km}`): which there are, their rows in the path-parameter
 * table, and the path with them filled in. `{{variables}}` are not path parameters.
 */
import type { PathParam } from './saved-request';

const PLACEHOLDER = /(?<!\{)\{([A-Za-z_][\w.-]{0,99})\}(?!\})/g;

/** The part of a URL that holds the path (before `?` or `#`). */
function pathPart(url: string): { path: string; rest: string } {
  const cut = url.search(/[?#]/);
  return cut === -1 ? { path: url, rest: '' } : { path: url.slice(0, cut), rest: url.slice(cut) };
}

/** Placeholder names in the URL's path, in order, each once. */
export function pathPlaceholders(url: string): string[] {
  const names = [...pathPart(url).path.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '');
  return [...new Set(names)];
}

/** One row per placeholder, in path order; values already typed are kept. */
export function syncPathParams(url: string, rows: readonly PathParam[]): PathParam[] {
  const known = new Map(rows.map((r) => [r.name, r.value]));
  return pathPlaceholders(url).map((name) => ({ name, value: known.get(name) ?? '' }));
}

export type FilledPath =
  { ok: true; url: string } | { ok: false; missing: string[]; message: string };

/**
 * The URL with every placeholder replaced by its value, percent-encoded as one path segment.
 * A placeholder without a value is an error that names it.
 */
export function fillPathParams(url: string, rows: readonly PathParam[]): FilledPath {
  const values = new Map(rows.map((r) => [r.name, r.value.trim()]));
  const { path, rest } = pathPart(url);
  const missing = pathPlaceholders(url).filter((name) => !values.get(name));
  if (missing.length > 0) {
    const list = missing.map((n) => `{${n}}`).join(', ');
    return {
      ok: false,
      missing,
      message: `Path parameter${missing.length > 1 ? 's' : ''} ${list} ${
        missing.length > 1 ? 'have' : 'has'
      } no value: fill ${missing.length > 1 ? 'them' : 'it'} in under Params`,
    };
  }
  const filled = path.replace(PLACEHOLDER, (_m, name: string) =>
    encodeURIComponent(values.get(name) ?? ''),
  );
  return { ok: true, url: filled + rest };
}
