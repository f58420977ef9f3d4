import { randomUUID } from 'node:crypto';
import { MASK, redactText } from '../../shared/mask';
import type { HistoryEntry, HistorySummary } from '../../shared/history';
import type { WireRequest, WireResponse } from '../../shared/wire';
import { flushAtExit, written, type HistoryLog } from './store/history-log';

/** Newest entries kept, whatever their age. */
export const HISTORY_MAX_ENTRIES = 200;
/** Body text kept per entry; the full body lives in the response store for this run only. */
export const HISTORY_BODY_CHARS = 64 * 1024;
/** One entry's line in the history file at most; beyond it the bodies are left out. */
export const HISTORY_LINE_BYTES = 512 * 1024;
/** Lines in the file that are no longer kept (aged out, over the count, torn) before pruning. */
export const HISTORY_PRUNE_SLACK = 100;

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
    body: r.body && { ...r.body, text: maskTokenFields(r.body.text.slice(0, HISTORY_BODY_CHARS)) },
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

const BODY_LEFT_OUT = '(body left out of history: too large)';

/** Keeps a line within HISTORY_LINE_BYTES (bodies full of characters JSON escapes can grow 6x). */
function bounded(entry: HistoryEntry): HistoryEntry {
  return {
    ...entry,
    request: entry.request && {
      ...entry.request,
      body: entry.request.body && { ...entry.request.body, text: BODY_LEFT_OUT },
    },
    response: entry.response && { ...entry.response, bodyText: BODY_LEFT_OUT, truncated: true },
    resend: entry.resend && { ...entry.resend, body: '' },
  };
}

/** The entry masked, as the line for the file and (parsed from it) the entry kept in memory. */
function maskedLine(w: Waiting): { line: string; entry: HistoryEntry } {
  const { entry } = w;
  const masked: HistoryEntry = {
    ...entry,
    id: w.id,
    at: w.at,
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
  const known = w.secrets
    .filter((s): s is string => typeof s === 'string' && s.length >= 4)
    .flatMap((s) => [s, JSON.stringify(s).slice(1, -1)]);
  const line = redactText(JSON.stringify(masked), known);
  const clean = JSON.parse(line) as HistoryEntry;
  if (Buffer.byteLength(line) <= HISTORY_LINE_BYTES) return { line, entry: clean };
  const cut = bounded(clean);
  return { line: JSON.stringify(cut), entry: cut };
}

export interface HistoryDeps {
  /** Where entries are persisted: the history file (`store.history`) or a memory log in tests. */
  log: HistoryLog;
  retentionDays: () => number;
  now: () => number;
}

/** Calls recorded and not yet masked into the log at most; beyond it they are kept at once. */
export const HISTORY_WAITING_MAX = 64;

interface Waiting {
  id: string;
  at: number;
  entry: NewHistoryEntry;
  secrets: (string | null | undefined)[];
}

/**
 * Every token and API call, newest first, persisted one line per entry in the history log (an
 * append per call; the file is rewritten only to prune, at most once per HISTORY_PRUNE_SLACK
 * calls, and on clear). Entries are masked before they are kept: Authorization values, token
 * members of bodies, and every secret the caller names (client secret, access token, API key)
 * wherever it appears.
 *
 * `add` answers with the entry's id at once; the masking, the append and the pruning run on the
 * next turn of the event loop (after the caller has its answer), in order. Every read (`list`,
 * `get`, `clear`), `flush` and the process's exit first keep what is waiting, so a call is in
 * `list` as soon as `add` returned; entries are served from memory.
 */
export class HistoryService {
  private waiting: Waiting[] = [];
  /** Why history could not be kept after the last call's answer; null when it could. */
  problem: string | null = null;
  private scheduled = false;
  private pruneDue = false;

  constructor(private readonly deps: HistoryDeps) {}

  /** Newest first, as kept: within the retention period and the entry count. */
  private kept(): HistoryEntry[] {
    this.keepWaiting();
    const oldest = this.deps.now() - this.deps.retentionDays() * 24 * 3600 * 1000;
    const all = this.deps.log.entries() as HistoryEntry[];
    const out: HistoryEntry[] = [];
    for (let i = all.length - 1; i >= 0 && out.length < HISTORY_MAX_ENTRIES; i--) {
      const e = all[i];
      if (e && typeof e.id === 'string' && typeof e.at === 'number' && e.at >= oldest) out.push(e);
    }
    return out;
  }

  /** Rewrites the file once enough lines are no longer kept, so its size stays bounded. */
  private prune(): void {
    this.pruneDue = false;
    const kept = this.kept();
    if (this.deps.log.lineCount - kept.length >= HISTORY_PRUNE_SLACK) {
      this.deps.log.rewrite([...kept].reverse());
    }
  }

  /** Masks what waits, in the order of the calls, and appends it to the log. */
  private keepWaiting(): void {
    if (this.waiting.length === 0) return;
    const waiting = this.waiting;
    this.waiting = [];
    written(this);
    for (const w of waiting) {
      const { line, entry } = maskedLine(w);
      this.deps.log.append(entry, line);
    }
    this.pruneDue = true;
  }

  add(entry: NewHistoryEntry, secrets: (string | null | undefined)[]): { id: string; at: number } {
    const waiting: Waiting = { id: randomUUID(), at: this.deps.now(), entry, secrets };
    this.waiting.push(waiting);
    if (this.waiting.length >= HISTORY_WAITING_MAX) this.keepWaiting();
    else flushAtExit(this);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => {
        this.scheduled = false;
        try {
          this.keepWaiting();
          if (this.pruneDue) this.prune();
          this.problem = null;
        } catch (err) {
          // The history file cannot be read (permissions, a folder in its place): the call has
          // its answer already and the host goes on; reading history fails with the same error.
          this.problem = err instanceof Error ? err.message : String(err);
        }
      });
    }
    return { id: waiting.id, at: waiting.at };
  }

  /** Keeps what waits, prunes if due and writes what is not on disk yet (close, exit, tests). */
  flush(): void {
    this.keepWaiting();
    if (this.pruneDue) this.prune();
    this.deps.log.flush();
  }

  list(): HistorySummary[] {
    return this.kept().map((e) => ({
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

  /** The newest token call that gave the profile its current token: when, and its layout. */
  lastCurrentToken(profileId: string): { at: number; layout: unknown } | null {
    const found = this.kept().find(
      (e) => e.profileId === profileId && e.kind === 'token' && e.becameCurrent === true,
    );
    return found?.wireLayout ? { at: found.at, layout: found.wireLayout } : null;
  }

  get(id: string): HistoryEntry | null {
    const found = this.kept().find((e) => e.id === id);
    return found ? structuredClone(found) : null;
  }

  clear(): number {
    const n = this.kept().length;
    this.deps.log.rewrite([]);
    return n;
  }
}
