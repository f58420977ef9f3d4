import type { Inputs } from '../shared/contract';
import type { PathParam, RequestDraftFields } from '../shared/saved-request';

export const httpMethods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;
export type HttpMethod = (typeof httpMethods)[number];

export interface HeaderRow {
  /** Stable key for React; not sent. */
  key: number;
  name: string;
  value: string;
  enabled: boolean;
}

export type AuthChoice = 'token' | 'apiKey' | 'none';
export type ApiKeyScheme = 'Bearer' | 'AppKey';

export interface RequestDraft {
  method: HttpMethod;
  url: string;
  headers: HeaderRow[];
  body: string;
  /** Absent in drafts made before auth modes existed: the current OAuth token. */
  auth?: AuthChoice;
  apiKeyScheme?: ApiKeyScheme;
  /** What the request is saved as; empty while unnamed. */
  name?: string;
  /** Values for the `{placeholders}` in the path. */
  pathParams?: PathParam[];
}

/** The draft as stored (saved request or tab draft): the query becomes rows, keys are dropped. */
export function draftToFields(draft: RequestDraft): RequestDraftFields {
  const cut = draft.url.indexOf('?');
  const hash = draft.url.indexOf('#');
  const end = hash === -1 ? draft.url.length : hash;
  const base = cut === -1 || cut > end ? draft.url : draft.url.slice(0, cut) + draft.url.slice(end);
  return {
    name: draft.name ?? '',
    method: draft.method,
    url: base,
    query: queryRows(draft.url).map((r) => ({ ...r, enabled: true })),
    headers: draft.headers.map(({ name, value, enabled }) => ({ name, value, enabled })),
    body: draft.body,
    auth: draft.auth ?? 'token',
    apiKeyScheme: draft.apiKeyScheme ?? 'Bearer',
    pathParams: (draft.pathParams ?? []).map((p) => ({ ...p })),
  };
}

/** A stored request as an editable draft: enabled query rows go back into the URL. */
export function fieldsToDraft(fields: RequestDraftFields): RequestDraft {
  return {
    name: fields.name,
    method: fields.method,
    url: withQueryRows(
      fields.url,
      fields.query.filter((q) => q.enabled),
    ),
    headers: fields.headers.map((h) => ({ ...headerRow(h.name, h.value), enabled: h.enabled })),
    body: fields.body,
    auth: fields.auth,
    apiKeyScheme: fields.apiKeyScheme,
    pathParams: fields.pathParams.map((p) => ({ ...p })),
  };
}

export interface QueryRow {
  name: string;
  value: string;
}

/** The query parameters of a URL or path as rows (decoded). */
export function queryRows(url: string): QueryRow[] {
  const q = url.indexOf('?');
  if (q === -1) return [];
  const text = url.slice(q + 1).split('#')[0] ?? '';
  if (text === '') return [];
  return text.split('&').map((pair) => {
    const eq = pair.indexOf('=');
    const decode = (v: string) => {
      try {
        return decodeURIComponent(v.replace(/\+/g, ' '));
      } catch {
        return v;
      }
    };
    return eq === -1
      ? { name: decode(pair), value: '' }
      : { name: decode(pair.slice(0, eq)), value: decode(pair.slice(eq + 1)) };
  });
}

/** Percent-encodes a query name or value, but keeps `{{variables}}` readable as typed. */
function encodeQueryPart(text: string): string {
  return text
    .split(/(\{\{[^{}]*\}\})/)
    .map((part, i) => (i % 2 === 1 ? part : encodeURIComponent(part)))
    .join('');
}

/** The URL with its query replaced by the rows (rows without a name are dropped). */
export function withQueryRows(url: string, rows: QueryRow[]): string {
  const hash = url.indexOf('#');
  const fragment = hash === -1 ? '' : url.slice(hash);
  const noHash = hash === -1 ? url : url.slice(0, hash);
  const q = noHash.indexOf('?');
  const base = q === -1 ? noHash : noHash.slice(0, q);
  const query = rows
    .filter((r) => r.name !== '')
    .map((r) => `${encodeQueryPart(r.name)}=${encodeQueryPart(r.value)}`)
    .join('&');
  return `${base}${query ? `?${query}` : rows.some((r) => r.name === '') ? '?' : ''}${fragment}`;
}

let nextKey = 1;
export function headerRow(name = '', value = ''): HeaderRow {
  return { key: nextKey++, name, value, enabled: true };
}

export function emptyRequestDraft(): RequestDraft {
  return { method: 'GET', url: '', headers: [headerRow('Accept', 'application/json')], body: '' };
}

export function methodTakesBody(method: HttpMethod): boolean {
  return method !== 'GET' && method !== 'HEAD';
}

/** The `sendRequest` input: rows without a name are left out; GET and HEAD send no body. */
export function sendInput(
  draft: RequestDraft,
  profileId: string,
  requestId: string,
  allowOtherOrigin: boolean,
): Inputs['sendRequest'] {
  return {
    profileId,
    requestId,
    method: draft.method,
    url: draft.url.trim(),
    headers: draft.headers
      .filter((h) => h.name.trim() !== '')
      .map((h) => ({ name: h.name.trim(), value: h.value, enabled: h.enabled })),
    body: methodTakesBody(draft.method) ? draft.body : '',
    allowOtherOrigin,
    ...(draft.auth && draft.auth !== 'token'
      ? { auth: draft.auth, apiKeyScheme: draft.apiKeyScheme ?? 'Bearer' }
      : {}),
  };
}

/** A fresh id for a cancellable call. */
export function newRequestId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
