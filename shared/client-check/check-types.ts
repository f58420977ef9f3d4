/**
 * The client check: "does this newly registered client work, and if not, exactly why". Pure
 * types, shared by the service (main process), the app, the command line and the reports.
 */
import type { Evidence } from '../diagnosis/finding';
import type { AuthMethod } from '../profile';
import type { WireRequest } from '../wire';

/** The steps, in the order they run. */
export const checkStepIds = [
  'team-address',
  'discovery',
  'token-endpoint',
  'auth-method',
  'token',
  'jwt-signature',
  'scopes',
  'apis',
] as const;
export type CheckStepId = (typeof checkStepIds)[number];

export const checkStepTitles: Record<CheckStepId, string> = {
  'team-address': 'Team address',
  discovery: 'Discovery',
  'token-endpoint': 'Token endpoint',
  'auth-method': 'Authentication method',
  token: 'Token',
  'jwt-signature': 'Token signature',
  scopes: 'Scopes',
  apis: 'APIs',
};

/** pending and running while the check runs; one of the four verdicts once a step is done. */
export type StepStatus = 'pending' | 'running' | 'passed' | 'failed' | 'skipped' | 'undecided';
export type Verdict = Extract<StepStatus, 'passed' | 'failed' | 'skipped' | 'undecided'>;

/** A one-click change the app can make to the profile (or a place it can open). */
export type CheckFix =
  | {
      kind: 'use-method';
      label: string;
      authMethod: Exclude<AuthMethod, 'none'>;
      basicEncoding: 'rfc6749' | 'raw';
    }
  | { kind: 'tick-scopes'; label: string; scopes: string[] }
  | { kind: 'open-presets'; label: string; scope: string };

/** One request and its answer, masked: no secret, token, refresh token, Basic value or key. */
export interface CheckExchange {
  label: string;
  request: WireRequest | null;
  response: {
    status: number;
    statusText: string;
    headers: [string, string][];
    /** The start of the body (at most BODY_EVIDENCE_CHARS), masked. */
    body: string;
    durationMs: number | null;
  } | null;
  /** What went wrong on the way when there is no response (DNS, TLS, timeout, …). */
  failure: string | null;
}

/** The APIs step: one call per granted scope that has a documented read-only GET preset. */
export interface ApiCheckRow {
  scope: string;
  /** Catalog preset id, or null when the scope has none callable without parameters. */
  presetId: string | null;
  path: string | null;
  status: number | null;
  verdict: Verdict;
  finding: string;
}

export interface CheckStep {
  id: CheckStepId;
  title: string;
  status: StepStatus;
  /** Why a step was skipped or is undecided; the one-line outcome otherwise. */
  reason: string | null;
  /** What it means, in the platform's terms (Admin & Settings > …), and what to change. */
  finding: string | null;
  /** What to change, in order (the summary lists every failed step's changes). */
  changes: string[];
  fixes: CheckFix[];
  facts: Evidence[];
  exchanges: CheckExchange[];
  rows: ApiCheckRow[];
  /** ms since epoch; null until the step starts. */
  startedAt: number | null;
  durationMs: number | null;
}

export interface CheckSummary {
  outcome: 'passed' | 'failed' | 'undecided' | 'cancelled';
  sentence: string;
  /** The changes to make, in the order to make them. */
  changes: string[];
}

export interface ClientCheckResult {
  runId: string;
  profileId: string;
  profileName: string;
  appVersion: string;
  startedAt: number;
  finishedAt: number | null;
  team: string;
  cluster: string;
  baseUrl: string | null;
  sandbox: boolean;
  /** First and last two characters only. */
  clientIdMasked: string;
  authMethod: AuthMethod;
  requestedScopes: string[];
  scopeProbe: boolean;
  steps: CheckStep[];
  /** Null while the check runs. */
  summary: CheckSummary | null;
}

/** One line of the kept results: the last check of one profile, without its evidence. */
export interface ClientCheckListItem {
  profileId: string;
  profileName: string;
  finishedAt: number | null;
  outcome: CheckSummary['outcome'] | null;
  sentence: string | null;
}

/** The kept results as a list, newest first. */
export function listItemsOf(results: Iterable<ClientCheckResult>): ClientCheckListItem[] {
  return [...results]
    .map((r) => ({
      profileId: r.profileId,
      profileName: r.profileName,
      finishedAt: r.finishedAt,
      outcome: r.summary?.outcome ?? null,
      sentence: r.summary?.sentence ?? null,
    }))
    .sort((a, b) => (b.finishedAt ?? 0) - (a.finishedAt ?? 0));
}

/** Body text kept as evidence per exchange. */
export const BODY_EVIDENCE_CHARS = 2000;

/** The client ID masked to its first and last two characters (`sa…ic`). */
export function maskClientId(clientId: string): string {
  if (clientId.length <= 4) return '…';
  return `${clientId.slice(0, 2)}…${clientId.slice(-2)}`;
}

export function pendingStep(id: CheckStepId): CheckStep {
  return {
    id,
    title: checkStepTitles[id],
    status: 'pending',
    reason: null,
    finding: null,
    changes: [],
    fixes: [],
    facts: [],
    exchanges: [],
    rows: [],
    startedAt: null,
    durationMs: null,
  };
}

export function isVerdict(status: StepStatus): status is Verdict {
  return status !== 'pending' && status !== 'running';
}
