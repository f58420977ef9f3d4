import { randomUUID } from 'node:crypto';
import { MASK, redactText } from '../../shared/mask';
import type { HistoryEntry, HistorySummary } from '../../shared/history';
import type { WireRequest, WireResponse } from '../../shared/wire';
import type { KeyValueStore } from './data-store';

const KEY = 'history';
/** Newest entries kept, whatever their age. */
export const HISTORY_MAX_ENTRIES = 200;
/** Body text kept per entry; the full body lives in the response store for this run only. */
export const HISTORY_BODY_CHARS = 64 * 1024;

const TOKEN_FIELDS =
  /("(?:access_token|refresh_token|id_token|device_code|client_secret)"\s*:\s*")((?:[^"\\]|\\.)*)"/g;

/** Token-response bodies: the token members masked, whatever else is in them. */
export function maskTokenFields(text: string): string {
  return text.replace(TOKEN_FIELDS, (_m, head: string) => `${head}${MASK}"`);
}

function maskAuthorization(headers: [string, string][]): [string, string][] {
  return headers.map(([k, v]) =>
    k.toLowerCase() === 'authorization' || k.toLowerCase() === 'proxy-authorization'
      ? [k, `${v.split(' ')[0] ?? ''} ${MASK}`]
      : [k, v],
  );
}

function safeRequest(r: WireRequest | null): WireRequest | null {
  if (!r) return null;
  return {
    ...r,
    headers: maskAuthorization(r.headers),
    body: r.body && { ...r.body, text: maskTokenFields(r.body.text) },
  };
}

function safeResponse(r: WireResponse | null): WireResponse | null {
  if (!r) return null;
  const text =
    r.bodyText.length > HISTORY_BODY_CHARS ? r.bodyText.slice(0, HISTORY_BODY_CHARS) : r.bodyText;
  return {
    ...r,
    bodyText: maskTokenFields(text),
    truncated: r.truncated || r.bodyText.length > HISTORY_BODY_CHARS,
  };
}

export type NewHistoryEntry = Omit<HistoryEntry, 'id' | 'at' | 'findings'>;

/**
 * Every token and API call, newest first, persisted in the store under its own key. Entries are
 * masked before they are written: Authorization values, token members of bodies, and every
 * secret the caller names (client secret, access token, API key) wherever it appears.
 */
export class HistoryService {
  constructor(
    private readonly store: KeyValueStore,
    private readonly retentionDays: () => number,
    private readonly now: () => number = Date.now,
  ) {}

  private readAll(): HistoryEntry[] {
    const raw = this.store.get(KEY);
    return Array.isArray(raw) ? (raw as HistoryEntry[]) : [];
  }

  private keep(entries: HistoryEntry[]): HistoryEntry[] {
    const oldest = this.now() - this.retentionDays() * 24 * 3600 * 1000;
    return entries.filter((e) => e.at >= oldest).slice(0, HISTORY_MAX_ENTRIES);
  }

  add(entry: NewHistoryEntry, secrets: (string | null | undefined)[]): HistoryEntry {
    const masked: HistoryEntry = {
      ...entry,
      id: randomUUID(),
      at: this.now(),
      findings: entry.diagnosis.length,
      request: safeRequest(entry.request),
      response: safeResponse(entry.response),
      resend: entry.resend && {
        ...entry.resend,
        headers: entry.resend.headers.map((h) =>
          h.name.toLowerCase() === 'authorization' ? { ...h, value: MASK } : h,
        ),
      },
    };
    const known = secrets
      .filter((s): s is string => typeof s === 'string' && s.length >= 4)
      .flatMap((s) => [s, JSON.stringify(s).slice(1, -1)]);
    const clean = JSON.parse(redactText(JSON.stringify(masked), known)) as HistoryEntry;
    this.store.set(KEY, this.keep([clean, ...this.readAll()]));
    return clean;
  }

  list(): HistorySummary[] {
    const entries = this.keep(this.readAll());
    return entries.map((e) => ({
      id: e.id,
      at: e.at,
      profileId: e.profileId,
      profileName: e.profileName,
      kind: e.kind,
      method: e.method,
      url: e.url,
      status: e.status,
      outcome: e.outcome,
      durationMs: e.durationMs,
      findings: e.findings,
    }));
  }

  get(id: string): HistoryEntry | null {
    return this.readAll().find((e) => e.id === id) ?? null;
  }

  clear(): number {
    const n = this.readAll().length;
    this.store.set(KEY, []);
    return n;
  }
}
