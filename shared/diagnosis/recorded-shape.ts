import type { SlotShape, WireLayout, WireValue } from '../structured-wire';
import type { RequestShape } from './inputs';

// How a token call was made, read back from what history keeps of it (its layout: text and
// secret slots, no values). After a restart this is what a refused call is compared with; the
// secret itself cannot be compared then, so its tag is left unknown.

/** Parameters the "Query string" variant puts in the token URL (see token-request.ts). */
const QUERY_PARAMS = ['grant_type', 'scope'];

/** A URL as `new URL()` writes it; the text itself when it is not one. */
export function normalizedUrl(text: string): string {
  try {
    return new URL(text).toString();
  } catch {
    return text;
  }
}

/**
 * structured-wire's `isSlot` trusts a typed layout (anything not text is a slot); a history file
 * is read back untyped, so this one checks the value really is a slot.
 */
const readsAsSlot = (v: unknown): v is SlotShape =>
  typeof v === 'object' && v !== null && typeof (v as { kind?: unknown }).kind === 'string';

function field(fields: readonly unknown[], name: string): WireValue<SlotShape> | undefined {
  for (const f of fields) {
    if (Array.isArray(f) && f[0] === name) return f[1] as WireValue<SlotShape>;
  }
  return undefined;
}

/**
 * The shape of a recorded token call, or null when the layout is not one the app writes (an
 * older entry, or a history file edited by hand). Read defensively: nothing here may throw.
 */
export function shapeFromLayout(layout: unknown): RequestShape | null {
  if (typeof layout !== 'object' || layout === null) return null;
  const { url, headers, body } = layout as Partial<WireLayout>;
  if (!Array.isArray(url) || typeof url[0] !== 'string' || !Array.isArray(headers)) return null;
  let address: URL;
  try {
    address = new URL(url[0]);
  } catch {
    return null;
  }
  const inQuery = address.searchParams.has('grant_type');
  const queryScope = address.searchParams.get('scope');
  for (const p of QUERY_PARAMS) if (inQuery) address.searchParams.delete(p);
  const fields =
    typeof body === 'object' &&
    body !== null &&
    Array.isArray((body as { fields?: unknown }).fields)
      ? (body as { fields: unknown[] }).fields
      : [];
  const parts: unknown[] = (headers as unknown[]).flatMap((h) =>
    Array.isArray(h) && Array.isArray(h[1]) ? (h[1] as unknown[]) : [],
  );
  const basic = parts.find((v): v is Extract<SlotShape, { kind: 'basic_credentials' }> => {
    return readsAsSlot(v) && v.kind === 'basic_credentials';
  });
  const clientIdField = field(fields, 'client_id');
  const clientId = basic ? basic.clientId : clientIdField;
  if (typeof clientId !== 'string') return null;
  const secretField = field(fields, 'client_secret');
  const scope = inQuery ? queryScope : field(fields, 'scope');
  return {
    tokenUrl: address.toString(),
    clientId,
    authMethod: basic
      ? 'client_secret_basic'
      : readsAsSlot(secretField)
        ? 'client_secret_post'
        : 'none',
    basicEncoding: basic?.basicEncoding === 'raw' ? 'raw' : 'rfc6749',
    paramsAs: inQuery
      ? 'query'
      : (body as { type?: unknown })?.type === 'multipart'
        ? 'multipart'
        : 'form',
    scopes: typeof scope === 'string' ? scope.split(' ').filter(Boolean) : [],
    secretTag: undefined,
  };
}
