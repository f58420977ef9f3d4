import { measureClockSkew } from '../../../shared/expiry-check';
import { MASK, redactText } from '../../../shared/mask';
import type { TokenView } from '../../../shared/results';
import { missingScopes } from '../../../shared/scope-string';
import { originOf } from '../../../shared/team-url';
import type { ParsedToken } from '../../../shared/token-response';
import { headerValue, type WireRequest, type WireResponse } from '../../../shared/wire';
import type { AllMembers } from './all-members';
import type { TokenContext } from './token-context';

/** Members of a token response that never leave the main process (the access token does). */
const HIDDEN_MEMBERS = /("(?:refresh_token|id_token|device_code)"\s*:\s*")((?:[^"\\]|\\.)*)"/g;

/** The values of the hidden members, so they can also be masked wherever else they appear. */
export function hiddenResponseValues(bodyText: string): string[] {
  return [...bodyText.matchAll(HIDDEN_MEMBERS)].map((m) => m[2] ?? '').filter((v) => v !== '');
}

/**
 * A token response as the renderer may see it: refresh token, id_token and device code masked
 * (as JSON members, and as values anywhere else in body and headers), the access token kept.
 */
export function maskTokenResponse(res: WireResponse, known: readonly string[] = []): WireResponse {
  // One pass over the body: the hidden members masked, their values collected.
  const found: string[] = [];
  const members = res.bodyText.replace(HIDDEN_MEMBERS, (_m, head: string, value: string) => {
    if (value !== '') found.push(value);
    return `${head}${MASK}"`;
  });
  const values = [...known, ...found].filter((v) => v.length >= 4);
  // Nothing to look for elsewhere (a client-credentials answer): headers stay as they are, and
  // with nothing masked in the body either, the answer is shown as it came.
  if (values.length === 0)
    return members === res.bodyText ? res : withBody(res, res.headers, members);
  return withBody(
    res,
    res.headers.map(([k, v]) => [k, redactText(v, values)]),
    redactText(members, values),
  );
}

/** The answer with other headers and body, copied member by member (see all-members.ts). */
function withBody(res: WireResponse, headers: [string, string][], bodyText: string): WireResponse {
  const out: AllMembers<WireResponse> = {
    status: res.status,
    statusText: res.statusText,
    headers,
    bodyText,
    size: res.size,
    truncated: res.truncated,
    contentType: res.contentType,
    timings: res.timings,
  };
  return out;
}

/** A request as shown, with the grant's own single-use values (code, verifier, …) masked too. */
export function maskRequestValues(wire: WireRequest, values: readonly string[]): WireRequest {
  const hidden = values.filter((v) => v.length > 0);
  if (hidden.length === 0) return wire;
  return {
    ...wire,
    url: redactText(wire.url, hidden),
    body: wire.body && { ...wire.body, text: redactText(wire.body.text, hidden) },
  };
}

/** The renderer's view of an issued token. */
export function tokenView(
  ctx: TokenContext,
  requested: readonly string[],
  token: ParsedToken,
  response: WireResponse,
  receivedAt: number,
  refreshAvailable: boolean,
): TokenView {
  const granted = token.scope ?? requested.slice();
  return {
    profileId: ctx.profile.id,
    accessToken: token.accessToken,
    tokenType: token.tokenType,
    expiresIn: token.expiresIn,
    receivedAt,
    requestedScopes: requested.slice(),
    grantedScopes: granted,
    scopeReturned: token.scope !== null,
    notGranted: missingScopes(requested, granted),
    origin: originOf(ctx.baseUrl) ?? ctx.baseUrl,
    refreshAvailable,
    clockSkewSeconds: measureClockSkew(headerValue(response.headers, 'date'), receivedAt),
  };
}
