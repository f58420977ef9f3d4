import type { Inputs } from '../shared/contract';

export const httpMethods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;
export type HttpMethod = (typeof httpMethods)[number];

export interface HeaderRow {
  /** Stable key for React; not sent. */
  key: number;
  name: string;
  value: string;
  enabled: boolean;
}

export interface RequestDraft {
  method: HttpMethod;
  url: string;
  headers: HeaderRow[];
  body: string;
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
  };
}

/** A fresh id for a cancellable call. */
export function newRequestId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
