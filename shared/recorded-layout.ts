import type { ApiCredentialKind } from './api-request';
import type { BasicEncoding } from './form-encoding';
import {
  secretKindOfParam,
  type SlotShape,
  type StructuredBody,
  type WireLayout,
  type WireValue,
} from './structured-wire';
import type { WireRequest } from './wire';

/** What a history entry recorded before entries kept their layout, beside the shown request. */
export interface RecordedHints {
  /** The profile's client and Basic encoding: where the Authorization header is Basic. */
  clientId: string;
  basicEncoding: BasicEncoding;
  /** What a non-Basic Authorization header carried (API calls). */
  authorization: ApiCredentialKind | null;
}

function field(name: string, value: string): [string, WireValue<SlotShape>] {
  const kind = secretKindOfParam(name);
  return kind === null || kind === 'basic_credentials' ? [name, value] : [name, { kind }];
}

function formFields(text: string): [string, WireValue<SlotShape>][] {
  if (text === '') return [];
  return text.split('&').map((pair) => {
    const eq = pair.indexOf('=');
    const decode = (s: string) => decodeURIComponent(s.replace(/\+/g, ' '));
    const name = decode(eq < 0 ? pair : pair.slice(0, eq));
    return field(name, eq < 0 ? '' : decode(pair.slice(eq + 1)));
  });
}

function multipartFields(text: string, boundary: string): [string, WireValue<SlotShape>][] {
  const pieces = text.split(`--${boundary}`).slice(1, -1);
  return pieces.map((p) => {
    const inner = p.slice(2, -2);
    const split = inner.indexOf('\r\n\r\n');
    const name = /name="([^"]*)"/.exec(inner.slice(0, split))?.[1] ?? '';
    return field(name, inner.slice(split + 4));
  });
}

/**
 * The layout of a request recorded before history kept layouts: read from the structure of
 * what was shown (the form fields and multipart parts by name, the Authorization header by its
 * scheme), never from the masked values themselves.
 */
export function layoutFromRecorded(request: WireRequest, hints: RecordedHints): WireLayout {
  const type = request.body?.contentType ?? '';
  const boundary = /^multipart\/form-data;\s*boundary=([^;]+)/i.exec(type)?.[1];
  let body: StructuredBody<SlotShape> | undefined;
  if (request.body) {
    if (/^application\/x-www-form-urlencoded/i.test(type))
      body = { type: 'form', fields: formFields(request.body.text) };
    else if (boundary)
      body = { type: 'multipart', boundary, fields: multipartFields(request.body.text, boundary) };
    else body = { type: 'text', contentType: type, text: request.body.text };
  }
  const derivedType = body !== undefined && body.type !== 'text';
  const headers: [string, WireValue<SlotShape>[]][] = [];
  for (const [name, value] of request.headers) {
    const lower = name.toLowerCase();
    if (derivedType && lower === 'content-type') continue;
    if (lower !== 'authorization' && lower !== 'proxy-authorization') {
      headers.push([name, [value]]);
      continue;
    }
    const scheme = value.split(' ')[0] ?? '';
    const slot: SlotShape =
      scheme.toLowerCase() === 'basic' && lower === 'authorization' && hints.authorization === null
        ? {
            kind: 'basic_credentials',
            clientId: hints.clientId,
            basicEncoding: hints.basicEncoding,
          }
        : {
            kind:
              lower === 'authorization'
                ? (hints.authorization ?? 'custom_authorization')
                : 'custom_authorization',
          };
    headers.push([name, [`${scheme} `, slot]]);
  }
  return { method: request.method, url: [request.url], headers, ...(body ? { body } : {}) };
}
