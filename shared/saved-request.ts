/**
 * A request kept in a profile (like a request in a Postman collection), and a request tab's
 * unsaved draft. Neither ever holds a secret value: credential headers are emptied and known
 * secrets are masked before either is stored (see `stripSecrets`).
 */
import { redactText } from './mask';
import type {
  PathParam,
  RequestDraftFields,
  RequestRow,
  SavedRequestFields,
} from './saved-request-schema';

export const savedRequestMethods = [
  'GET',
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
  'HEAD',
  'OPTIONS',
] as const;
export type SavedRequestMethod = (typeof savedRequestMethods)[number];

export const requestAuthChoices = ['token', 'apiKey', 'none'] as const;
/** How a request authenticates: the profile's OAuth token, its API key, or nothing. */
export type RequestAuthChoice = (typeof requestAuthChoices)[number];
export const apiKeySchemes = ['Bearer', 'AppKey'] as const;

/** Saved requests and drafts keep at most this much body text. */
export const SAVED_BODY_MAX = 1_000_000;

/** Their zod schemas are in saved-request-schema.ts (main process only). */
export type { PathParam, RequestDraftFields, RequestRow, SavedRequestFields };

export interface SavedRequest extends SavedRequestFields {
  id: string;
  profileId: string;
  createdAt: string;
  updatedAt: string;
}

/** What the sidebar lists: no headers, query or body. */
export type SavedRequestSummary = Pick<
  SavedRequest,
  'id' | 'profileId' | 'name' | 'method' | 'url' | 'updatedAt'
>;

export interface SavedRequestOutcome {
  request: SavedRequest;
  /** Fields whose secret values were removed before saving, e.g. `headers.Authorization`. */
  stripped: string[];
}

/** A request tab's unsaved state, kept per tab id so it survives a restart. */
export interface RequestDraftRecord {
  tabId: string;
  profileId: string;
  /** The saved request the tab edits, or null for an unsaved one. */
  savedRequestId: string | null;
  fields: RequestDraftFields;
  updatedAt: string;
}

export const emptyRequestFields: RequestDraftFields = {
  name: '',
  method: 'GET',
  url: '',
  query: [],
  headers: [{ name: 'Accept', value: 'application/json', enabled: true }],
  body: '',
  auth: 'token',
  apiKeyScheme: 'Bearer',
  pathParams: [],
};

/** Header names whose values are credentials: never stored. */
const CREDENTIAL_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'x-api-key',
  'api-key',
  'apikey',
  'x-auth-token',
]);
const CREDENTIAL_VALUE = /^\s*(bearer|basic|appkey|digest)\s+\S/i;

export function isCredentialHeader(name: string, value: string): boolean {
  return CREDENTIAL_HEADERS.has(name.trim().toLowerCase()) || CREDENTIAL_VALUE.test(value);
}

/**
 * The fields without secrets: credential header values are emptied (the row stays, switched
 * off, so the user sees where it was), and every known secret (client secret, token, API key)
 * is masked wherever it appears. Says which fields it changed.
 */
export function stripSecrets<T extends RequestDraftFields>(
  fields: T,
  knownSecrets: readonly string[],
): { fields: T; stripped: string[] } {
  const stripped: string[] = [];
  const clean = (text: string, field: string) => {
    const out = redactText(text, knownSecrets);
    if (out !== text) stripped.push(field);
    return out;
  };
  const headers = fields.headers.map((h) => {
    if (h.value !== '' && isCredentialHeader(h.name, h.value)) {
      stripped.push(`headers.${h.name.trim() || '(unnamed)'}`);
      return { ...h, value: '', enabled: false };
    }
    return { ...h, value: clean(h.value, `headers.${h.name.trim()}`) };
  });
  return {
    fields: {
      ...fields,
      url: clean(fields.url, 'url'),
      body: clean(fields.body, 'body'),
      headers,
      query: fields.query.map((q) => ({ ...q, value: clean(q.value, `query.${q.name}`) })),
      pathParams: fields.pathParams.map((p) => ({
        ...p,
        value: clean(p.value, `pathParams.${p.name}`),
      })),
    },
    stripped,
  };
}
