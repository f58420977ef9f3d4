import type { Failure } from '../wire';
import { evidence, type Finding } from './finding';
import type { RequestShape, SinceLastToken } from './inputs';

// "It worked an hour ago": a refused call compared with the last call that got this profile a
// token. What changed in the request since then is the first suspect; when nothing changed, the
// change was made on the server (the client under Admin & Settings > Applications).

const APPLICATIONS = 'Admin & Settings > Applications';

type Field = 'tokenUrl' | 'clientId' | 'authMethod' | 'basicEncoding' | 'paramsAs' | 'secret';

interface Change {
  field: Field | 'scopes';
  label: string;
  /** "then → now", nothing secret. */
  value: string;
  /** What to do about this change. */
  fix: string;
}

/** Each field by its name in the form (the finding's title lists these). */
const fieldNames: Record<Change['field'], string> = {
  secret: 'Client secret',
  authMethod: 'Authentication method',
  basicEncoding: 'Basic encoding',
  clientId: 'Client ID',
  paramsAs: 'Send parameters as',
  tokenUrl: 'Token URL',
  scopes: 'Scopes',
};

const encodingWords = { rfc6749: 'RFC 6749', raw: 'Raw' } as const;
const paramsAsWords = { form: 'Form body', multipart: 'Multipart body', query: 'Query string' };

/** Which changes can explain which refusal. */
function relevantFields(failure: Failure, status: number | null): readonly (Field | 'scopes')[] {
  const error = failure.error;
  if (error === 'invalid_client')
    return ['secret', 'authMethod', 'basicEncoding', 'clientId', 'tokenUrl'];
  if (error === 'invalid_scope' || error === 'unauthorized_scope') return ['scopes', 'clientId'];
  if (
    error === 'invalid_request' ||
    error === 'unsupported_grant_type' ||
    error === 'unauthorized_client' ||
    (error === undefined && status === 400)
  )
    return ['paramsAs', 'authMethod', 'clientId', 'tokenUrl'];
  return ['tokenUrl'];
}

/** Every difference between the two calls, in the order a user would check them. */
export function changesSince(then: RequestShape, now: RequestShape): Change[] {
  const out: Change[] = [];
  const tags = [then.secretTag, now.secretTag];
  if (tags.every((t) => typeof t === 'string') && then.secretTag !== now.secretTag) {
    out.push({
      field: 'secret',
      label: fieldNames.secret,
      value: 'replaced since then',
      fix: `The Client secret was replaced after that token. Check the new one against the client under ${APPLICATIONS}, or enter the one that worked.`,
    });
  }
  if (then.authMethod !== now.authMethod) {
    out.push({
      field: 'authMethod',
      label: fieldNames.authMethod,
      value: `${then.authMethod} → ${now.authMethod}`,
      fix: `Set Authentication method back to ${then.authMethod}.`,
    });
  } else if (now.authMethod === 'client_secret_basic' && then.basicEncoding !== now.basicEncoding) {
    out.push({
      field: 'basicEncoding',
      label: fieldNames.basicEncoding,
      value: `${encodingWords[then.basicEncoding]} → ${encodingWords[now.basicEncoding]}`,
      fix: `Set Basic encoding back to ${encodingWords[then.basicEncoding]}.`,
    });
  }
  if (then.clientId !== now.clientId) {
    out.push({
      field: 'clientId',
      label: fieldNames.clientId,
      value: `${then.clientId} → ${now.clientId}`,
      fix: `Check the Client ID: the token was issued to ${then.clientId}.`,
    });
  }
  if (then.paramsAs !== now.paramsAs) {
    out.push({
      field: 'paramsAs',
      label: fieldNames.paramsAs,
      value: `${paramsAsWords[then.paramsAs]} → ${paramsAsWords[now.paramsAs]}`,
      fix: `Set Send parameters as back to ${paramsAsWords[then.paramsAs]}.`,
    });
  }
  if (then.tokenUrl !== now.tokenUrl) {
    out.push({
      field: 'tokenUrl',
      label: fieldNames.tokenUrl,
      value: `${then.tokenUrl} → ${now.tokenUrl}`,
      fix: `Check the Token URL (Base URL or override): that token came from ${then.tokenUrl}.`,
    });
  }
  const added = now.scopes.filter((s) => !then.scopes.includes(s));
  if (added.length > 0) {
    out.push({
      field: 'scopes',
      label: 'Scopes added',
      value: added.join(' '),
      fix: `Untick ${added.join(', ')}, or define ${added.length > 1 ? 'them' : 'it'} on the client under ${APPLICATIONS}.`,
    });
  }
  return out;
}

/** "40 s", "12 min", "3 h", "2 days": how long before this call the last token came. */
export function agoWords(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 90) return `${s} s`;
  const min = Math.round(s / 60);
  if (min < 90) return `${min} min`;
  const h = Math.round(min / 60);
  if (h < 36) return `${h} h`;
  return `${Math.round(h / 24)} days`;
}

/** The same request on the wire: every field, Basic encoding only under Basic, scopes as a set. */
export function sameRequest(then: RequestShape, now: RequestShape): boolean {
  const scopes = new Set(then.scopes);
  return (
    changesSince(then, now).length === 0 &&
    then.secretTag !== undefined &&
    then.secretTag === now.secretTag &&
    now.scopes.length === scopes.size &&
    now.scopes.every((s) => scopes.has(s))
  );
}

/**
 * The finding for a refused token call when this profile got a token earlier in this run: what
 * changed since then that can explain this refusal (change it back), or, for invalid_client,
 * that nothing did (so the client changed on the server). Null when neither applies.
 */
export function sinceLastTokenFinding(
  since: SinceLastToken | undefined,
  failure: Failure | null,
  status: number | null,
): Finding | null {
  // Only an answer from the server is compared: no answer says nothing about the request.
  if (!since || !failure || status === null) return null;
  const ago = agoWords(since.nowAt - since.thenAt);
  const label = `last token for this profile${since.fromHistory ? ' (history)' : ''}`;
  const when = evidence('request', label, new Date(since.thenAt).toISOString());
  const relevant = relevantFields(failure, status);
  const changes = changesSince(since.then, since.now).filter((c) => relevant.includes(c.field));
  if (changes.length > 0) {
    const names = changes.map((c) => fieldNames[c.field]).join(', ');
    return {
      id: 'token.changed-since-token',
      title: `This profile got a token ${ago} before this call; since then ${names} changed`,
      evidence: [when, ...changes.map((c) => evidence('profile', c.label, c.value))],
      fix: `${changes.map((c) => c.fix).join(' ')} With the earlier settings this server issued a token.`,
      severity: 'error',
    };
  }
  if (failure.error === 'invalid_client' && sameRequest(since.then, since.now)) {
    return {
      id: 'token.unchanged-since-token',
      title: `Nothing in this request changed since this profile got a token ${ago} before this call`,
      evidence: [when, evidence('profile', 'Client ID, secret, method and Token URL', 'the same')],
      fix: `So the client changed on the server: its secret was regenerated, or it was deleted or edited under ${APPLICATIONS}. Copy the current secret from there (or Regenerate secret), enter it, and press Get token.`,
      severity: 'error',
    };
  }
  return null;
}
