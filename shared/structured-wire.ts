import type { BasicEncoding } from './form-encoding';
import { basicCredentialsPlain, encodeFormBody, formUrlEncode } from './form-encoding';
import { MASK } from './mask';
import type { WireRequest } from './wire';

/**
 * Every secret value that goes on the wire, by what it is. The kind decides how it is masked on
 * screen, and which shell variable stands for it in Copy as curl.
 */
export type SecretKind =
  | 'client_secret'
  | 'basic_credentials'
  | 'refresh_token'
  | 'authorization_code'
  | 'code_verifier'
  | 'device_code'
  | 'access_token'
  | 'api_key'
  /** The credentials of an Authorization header the user typed (after its scheme). */
  | 'custom_authorization';

/** Where a secret sits and what it is, without its value: what history keeps. */
export type SlotShape =
  | { kind: Exclude<SecretKind, 'basic_credentials'> }
  | {
      kind: 'basic_credentials';
      /** The client ID as the user entered it (not secret; shown in the wire view). */
      clientId: string;
      basicEncoding: BasicEncoding;
    };

/** A secret with its value: only in the main process, never stored, never sent to the renderer. */
export type SecretSlot = SlotShape & {
  /** The value as it is before the place it sits in encodes it; for Basic the base64 text. */
  value: string;
};

/** Text or a secret. In a URL or a form body a secret is form-encoded; elsewhere it goes as is. */
export type WireValue<S> = string | S;

export type StructuredBody<S> =
  | { type: 'form'; fields: [string, WireValue<S>][] }
  | { type: 'multipart'; boundary: string; fields: [string, WireValue<S>][] }
  | { type: 'text'; contentType: string; text: string };

/**
 * A request as a structure: every secret in a typed slot. `url` and header values are sequences
 * of text and slots. The Content-Type of form and multipart bodies is derived, never listed.
 */
export interface StructuredRequest<S> {
  method: string;
  url: WireValue<S>[];
  headers: [string, WireValue<S>[]][];
  body?: StructuredBody<S>;
}

/** What is sent, secrets included. Stays in the main process. */
export type SecretWireRequest = StructuredRequest<SecretSlot>;
/** The same structure with the values left out: safe to keep in history. */
export type WireLayout = StructuredRequest<SlotShape>;

/** The token-endpoint parameters that carry a secret, by name (RFC 6749, RFC 8628, RFC 7636). */
const secretParams: Record<string, SecretKind> = {
  client_secret: 'client_secret',
  refresh_token: 'refresh_token',
  code: 'authorization_code',
  code_verifier: 'code_verifier',
  device_code: 'device_code',
};

export function secretKindOfParam(name: string): SecretKind | null {
  return secretParams[name] ?? null;
}

/** A form field, with its value in a slot when the parameter carries a secret. */
export function tokenParam(name: string, value: string): [string, WireValue<SecretSlot>] {
  const kind = secretKindOfParam(name);
  if (kind === null || kind === 'basic_credentials') return [name, value];
  return [name, { kind, value }];
}

export function isSlot<S extends SlotShape>(v: WireValue<S>): v is S {
  return typeof v !== 'string';
}

export function bodyContentType(body: StructuredBody<unknown>): string {
  if (body.type === 'form') return 'application/x-www-form-urlencoded';
  if (body.type === 'multipart') return `multipart/form-data; boundary=${body.boundary}`;
  return body.contentType;
}

export function multipartText(fields: [string, string][], boundary: string): string {
  const parts = fields.map(
    ([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
  );
  return `${parts.join('')}--${boundary}--\r\n`;
}

/**
 * Writes a structure out as a WireRequest: `slotText` says what stands in a slot, and whether it
 * is still to be form-encoded where the place encodes (true for values, false for the mask).
 */
function flatten<S>(
  req: StructuredRequest<S>,
  slotText: (slot: S) => { text: string; encode: boolean },
): WireRequest {
  const inUrl = (v: WireValue<S>) => {
    if (typeof v === 'string') return v;
    const t = slotText(v);
    return t.encode ? formUrlEncode(t.text) : t.text;
  };
  const asIs = (v: WireValue<S>) => (typeof v === 'string' ? v : slotText(v).text);
  const headers: [string, string][] = req.headers.map(([k, parts]) => [
    k,
    parts.map(asIs).join(''),
  ]);
  let body: WireRequest['body'];
  if (req.body) {
    const contentType = bodyContentType(req.body);
    const b = req.body;
    const text =
      b.type === 'text'
        ? b.text
        : b.type === 'multipart'
          ? multipartText(
              b.fields.map(([k, v]) => [k, asIs(v)]),
              b.boundary,
            )
          : b.fields
              .map(([k, v]) =>
                typeof v === 'string'
                  ? encodeFormBody([[k, v]])
                  : `${formUrlEncode(k)}=${inUrl(v)}`,
              )
              .join('&');
    body = { contentType, text };
    if (b.type !== 'text' && !headers.some(([k]) => k.toLowerCase() === 'content-type'))
      headers.push(['Content-Type', contentType]);
  }
  return { method: req.method, url: req.url.map(inUrl).join(''), headers, body };
}

/** The request exactly as it goes on the wire, secrets included (main process only). */
export function toWireRequest(req: SecretWireRequest): WireRequest {
  return flatten(req, (slot) => ({ text: slot.value, encode: true }));
}

/** The shape of a slot: the slot without its value. */
export function slotShape(slot: SecretSlot): SlotShape {
  if (slot.kind === 'basic_credentials')
    return { kind: slot.kind, clientId: slot.clientId, basicEncoding: slot.basicEncoding };
  return { kind: slot.kind };
}

function mapSlots<A, B>(req: StructuredRequest<A>, f: (slot: A) => B): StructuredRequest<B> {
  const value = (v: WireValue<A>): WireValue<B> => (typeof v === 'string' ? v : f(v));
  const body: StructuredBody<B> | undefined =
    req.body === undefined || req.body.type === 'text'
      ? req.body
      : { ...req.body, fields: req.body.fields.map(([k, v]) => [k, value(v)]) };
  return {
    method: req.method,
    url: req.url.map(value),
    headers: req.headers.map(([k, parts]) => [k, parts.map(value)]),
    ...(body ? { body } : {}),
  };
}

/** Takes the values out: what history keeps, and what Copy as curl renders with variables. */
export function wireLayout(req: SecretWireRequest): WireLayout {
  return mapSlots(req, slotShape);
}

/** Puts values back into a layout; a slot whose kind has no value stays a shape. */
export function fillLayout(
  layout: WireLayout,
  value: (slot: SlotShape) => string | null,
): StructuredRequest<SlotShape | SecretSlot> {
  return mapSlots<SlotShape, SlotShape | SecretSlot>(layout, (slot) => {
    const v = value(slot);
    return v === null ? slot : { ...slot, value: v };
  });
}

/**
 * The display form: every slot shown as the mask (not encoded, so it reads as a mask), and the
 * layout that records which kind sits where. The one place a structured request is masked.
 */
export function maskWireRequest(req: SecretWireRequest | WireLayout): {
  shown: WireRequest;
  layout: WireLayout;
} {
  const layout = mapSlots<SlotShape, SlotShape>(req, (s) =>
    'value' in s ? slotShape(s as SecretSlot) : s,
  );
  return { shown: flatten(layout, () => ({ text: MASK, encode: false })), layout };
}

/** For client_secret_basic: the `id:secret` before base64, as shown (id encoded, secret masked). */
export function basicDecodedShown(slot: SlotShape): string | undefined {
  if (slot.kind !== 'basic_credentials') return undefined;
  return `${basicCredentialsPlain(slot.clientId, 'x', slot.basicEncoding).slice(0, -2)}:${MASK}`;
}

/** Which kind sits where, in words for a list: `header Authorization`, `body client_secret`. */
export function secretLocations(layout: WireLayout): { kind: SecretKind; where: string }[] {
  const out: { kind: SecretKind; where: string }[] = [];
  layout.url.forEach((v) => isSlot(v) && out.push({ kind: v.kind, where: 'url' }));
  for (const [name, parts] of layout.headers)
    for (const v of parts) if (isSlot(v)) out.push({ kind: v.kind, where: `header ${name}` });
  if (layout.body && layout.body.type !== 'text')
    for (const [name, v] of layout.body.fields)
      if (isSlot(v)) out.push({ kind: v.kind, where: `body ${name}` });
  return out;
}
