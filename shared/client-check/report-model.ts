import { maskSensitiveText } from '../mask';
import type { CheckExchange, CheckStep, ClientCheckResult } from './check-types';

/**
 * What both report formats show, as plain text blocks, every string scrubbed once more: the
 * evidence is masked when it is recorded, and the report masks JWTs, Bearer / Basic values and
 * credential fields again, so that a report never carries a secret even if a step let one by.
 */
export interface ReportModel {
  title: string;
  header: [string, string][];
  summary: { outcome: string; sentence: string; changes: string[] };
  steps: ReportStep[];
}

export interface ReportStep {
  heading: string;
  status: string;
  lines: string[];
  facts: [string, string][];
  rows: string[][];
  exchanges: { title: string; request: string; response: string }[];
}

const clean = (text: string) => maskSensitiveText(text);

export const verdictWords: Record<CheckStep['status'], string> = {
  pending: 'not run',
  running: 'not finished',
  passed: 'passed',
  failed: 'failed',
  skipped: 'skipped',
  undecided: 'undecided',
};

function requestText(x: CheckExchange): string {
  if (!x.request) return '(not sent)';
  const lines = [`${x.request.method} ${x.request.url}`];
  for (const [k, v] of x.request.headers) lines.push(`${k}: ${v}`);
  if (x.request.body) lines.push('', x.request.body.text);
  return clean(lines.join('\n'));
}

function responseText(x: CheckExchange): string {
  if (!x.response) return clean(x.failure ?? '(no answer)');
  const r = x.response;
  const lines = [`${r.status} ${r.statusText}`.trim()];
  for (const [k, v] of r.headers) lines.push(`${k}: ${v}`);
  if (r.body) lines.push('', r.body);
  return clean(lines.join('\n'));
}

function duration(ms: number | null): string {
  if (ms === null) return '';
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

export function reportModel(result: ClientCheckResult): ReportModel {
  const header: [string, string][] = [
    ['App', `Token Workbench ${result.appVersion}`],
    ['Time', new Date(result.startedAt).toISOString()],
    ['Profile', result.profileName],
    ['Team', result.sandbox ? 'Sandbox' : result.team || '(none)'],
    ['Cluster', result.sandbox ? 'Sandbox' : result.cluster || '(none)'],
    ['Base URL', result.baseUrl ?? '(none)'],
    ['Client ID', result.clientIdMasked],
    ['Authentication method', result.authMethod],
    ['Requested scopes', result.requestedScopes.join(' ') || '(none)'],
    ['Scope probe', result.scopeProbe ? 'run' : 'left out'],
  ];
  const summary = result.summary ?? { outcome: 'running', sentence: 'Not finished.', changes: [] };
  return {
    title: `Client check: ${clean(result.profileName)}`,
    header: header.map(([k, v]) => [k, clean(v)]),
    summary: {
      outcome: summary.outcome,
      sentence: clean(summary.sentence),
      changes: summary.changes.map(clean),
    },
    steps: result.steps.map((s, i) => ({
      heading: `${i + 1}. ${s.title}`,
      status: [verdictWords[s.status], duration(s.durationMs)].filter(Boolean).join(', '),
      lines: [s.reason, s.finding ? `Finding: ${s.finding}` : null]
        .filter((l): l is string => !!l)
        .map(clean),
      facts: s.facts.map((f) => [clean(f.label), clean(f.value)]),
      rows: s.rows.map((r) => [
        r.scope,
        r.path ?? '(no preset)',
        r.status === null ? '' : String(r.status),
        r.verdict,
        clean(r.finding),
      ]),
      exchanges: s.exchanges.map((x) => ({
        title: clean(x.label),
        request: requestText(x),
        response: responseText(x),
      })),
    })),
  };
}

/** A file name for the report: `client-check-<profile>-<date>.<ext>`. */
export function reportFileName(result: ClientCheckResult, ext: 'md' | 'html'): string {
  const slug = result.profileName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  const day = new Date(result.startedAt).toISOString().slice(0, 19).replace(/[:T]/g, '-');
  return `client-check-${slug || 'profile'}-${day}.${ext}`;
}
