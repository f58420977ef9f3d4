import { BODY_EVIDENCE_CHARS, type CheckExchange } from '../../../shared/client-check/check-types';
import { MASK, maskSensitiveText, redactText } from '../../../shared/mask';
import type { Failure, WireRequest, WireResponse } from '../../../shared/wire';

const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie']);

/**
 * Evidence is masked when it is recorded: known values (secret, tokens, API key) are replaced
 * wherever they appear, then JWTs, Bearer / Basic values and credential fields by their shape.
 */
export class EvidenceMasker {
  private readonly known = new Set<string>();

  /** Adds a value that must never appear in evidence (the secret, a token, a key). */
  hide(value: string | null | undefined): void {
    if (value && value.length >= 4) this.known.add(value);
  }

  text(value: string): string {
    return maskSensitiveText(redactText(value, [...this.known]), this.known);
  }

  private headers(headers: readonly [string, string][]): [string, string][] {
    return headers.map(([k, v]) =>
      SECRET_HEADERS.has(k.toLowerCase())
        ? [k, `${v.split(' ')[0] && v.includes(' ') ? `${v.split(' ')[0]} ` : ''}${MASK}`]
        : [k, this.text(v)],
    );
  }

  request(req: WireRequest | null): WireRequest | null {
    if (!req) return null;
    return {
      method: req.method,
      url: this.text(req.url),
      headers: this.headers(req.headers),
      ...(req.body
        ? { body: { contentType: req.body.contentType, text: this.text(req.body.text) } }
        : {}),
    };
  }

  exchange(
    label: string,
    request: WireRequest | null,
    response: WireResponse | null,
    failure: Failure | null,
  ): CheckExchange {
    const body = response?.bodyText ?? '';
    return {
      label,
      request: this.request(request),
      response: response && {
        status: response.status,
        statusText: response.statusText,
        headers: this.headers(response.headers),
        body: this.text(
          body.length > BODY_EVIDENCE_CHARS ? `${body.slice(0, BODY_EVIDENCE_CHARS)}…` : body,
        ),
        durationMs: response.timings.totalMs,
      },
      failure: failure ? this.text(`${failure.title}: ${failure.message}`) : null,
    };
  }
}
