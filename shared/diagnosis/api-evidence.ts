import { scopeCatalog } from '../scope-catalog';
import { headerValue, type WireResponse } from '../wire';
import { evidence, type Evidence } from './finding';
import type { DiagnosisToken } from './inputs';

/** Evidence and small readings shared by the API call rules. */
export function statusEvidence(response: WireResponse): Evidence {
  return evidence('status', 'status', `${response.status} ${response.statusText}`.trim());
}

export function bodyEvidence(response: WireResponse): Evidence[] {
  const text = response.bodyText.trim();
  if (!text) return [evidence('body', 'body', '(empty)')];
  try {
    const json = JSON.parse(text) as Record<string, unknown>;
    const out: Evidence[] = [];
    for (const key of ['error', 'errorCode', 'title', 'detail']) {
      if (typeof json[key] === 'string') out.push(evidence('body', key, json[key]));
    }
    if (out.length > 0) return out;
  } catch {
    // not JSON: quote the start of the text
  }
  return [evidence('body', 'body', text.length > 200 ? `${text.slice(0, 200)}…` : text)];
}

export function groupOf(scope: string): string | null {
  return scopeCatalog.find((g) => g.scopes.some((s) => s.scope === scope))?.group ?? null;
}

export function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

export function originOfUrl(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

export function secondsLeft(token: DiagnosisToken, at: number): number | null {
  if (token.expiresIn === null) return null;
  return Math.ceil((token.receivedAt + token.expiresIn * 1000 - at) / 1000);
}

export function rateHeaders(response: WireResponse): Evidence[] {
  const names = ['x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset', 'retry-after'];
  const out: Evidence[] = [];
  for (const name of names) {
    const value = headerValue(response.headers, name);
    if (value !== null) out.push(evidence('header', name, value));
  }
  return out;
}
