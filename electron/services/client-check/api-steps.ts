import { apiCatalog, type ApiEndpoint } from '../../../shared/api-catalog';
import type { ApiCheckRow } from '../../../shared/client-check/check-types';
import { scopeCatalog } from '../../../shared/scope-catalog';
import type { ApiResult } from '../../../shared/results';
import type { CheckFix, StepRunner } from './check-deps';

const APPLICATIONS = 'Admin & Settings > Applications';
const PERMISSIONS = 'Admin & Settings > Permissions';

/** The documented read-only GET preset of a scope that needs no path parameter, if any. */
export function readOnlyPreset(scope: string): ApiEndpoint | null {
  return (
    apiCatalog.find((e) => e.scope === scope && e.method === 'GET' && e.pathParams.length === 0) ??
    null
  );
}

function groupOf(scope: string): string | null {
  return scopeCatalog.find((g) => g.scopes.some((s) => s.scope === scope))?.group ?? null;
}

function rowFor(scope: string, preset: ApiEndpoint, result: ApiResult): ApiCheckRow {
  const base = { scope, presetId: preset.id, path: preset.path };
  const res = result.response;
  if (!res)
    return {
      ...base,
      status: null,
      verdict: 'undecided',
      finding: `got no answer (${result.failure?.title ?? 'not sent'})`,
    };
  const s = res.status;
  const first = result.diagnosis[0];
  if (s >= 200 && s < 300)
    return { ...base, status: s, verdict: 'passed', finding: `answers ${s}` };
  if (s === 429)
    return {
      ...base,
      status: s,
      verdict: 'undecided',
      finding: `is rate limited (429): ${first?.fix ?? 'wait and check again'}`,
    };
  if (s === 404)
    return {
      ...base,
      status: s,
      verdict: 'undecided',
      finding: `answers 404: this team may not serve ${preset.path}`,
    };
  if (s === 401)
    return {
      ...base,
      status: s,
      verdict: 'failed',
      finding: `answers 401: ${first?.title ?? 'the token was not accepted'}`,
    };
  if (s === 403) {
    const id = first?.id ?? '';
    if (id === 'api.not-enabled' || res.bodyText.trim() === '') {
      return {
        ...base,
        status: s,
        verdict: 'failed',
        finding: 'has its API switched off (403 with an empty body)',
      };
    }
    if (id === 'api.insufficient-scope') {
      return {
        ...base,
        status: s,
        verdict: 'failed',
        finding: `is not in the token (403 insufficient_scope)`,
      };
    }
    const group = groupOf(scope);
    return {
      ...base,
      status: s,
      verdict: 'failed',
      finding: `has no permission under ${PERMISSIONS}${group ? ` > ${group}` : ''}`,
    };
  }
  return {
    ...base,
    status: s,
    verdict: 'failed',
    finding: `answers ${s}${first ? `: ${first.title}` : ''}`,
  };
}

function changeFor(row: ApiCheckRow): string {
  if (row.finding.startsWith('has no permission')) {
    const group = groupOf(row.scope);
    return `Open ${PERMISSIONS}, find ${group ? `the ${group} service` : 'the service'} (for ${row.path}), click Edit, select the template for this application and Save.`;
  }
  if (row.finding.startsWith('has its API switched off')) {
    return `Ask the team admin (or Celonis support) to enable the API behind ${row.path}; scope and permissions alone do not help.`;
  }
  if (row.finding.includes('insufficient_scope'))
    return `Tick ${row.scope} and define it on the client under ${APPLICATIONS}.`;
  return `Look at the ${row.scope} call (${row.path}): it ${row.finding}.`;
}

/** 7. One read-only GET per granted scope that has a documented preset; never anything else. */
export const apisStep: StepRunner = async (state, deps, signal) => {
  const token = state.token?.token;
  if (!token) return { status: 'skipped', reason: 'No token, so no API can be called.' };
  const rows: ApiCheckRow[] = [];
  const exchanges = [];
  for (const scope of [...new Set(token.grantedScopes)]) {
    const preset = readOnlyPreset(scope);
    if (!preset) {
      rows.push({
        scope,
        presetId: null,
        path: null,
        status: null,
        verdict: 'skipped',
        finding: 'has no documented read-only preset without parameters',
      });
      continue;
    }
    if (signal.aborted) break;
    const path = preset.query ? `${preset.path}?${preset.query}` : preset.path;
    const result = await deps.sendGet(state.profile.id, path, signal);
    rows.push(rowFor(scope, preset, result));
    exchanges.push(
      state.masker.exchange(
        `${scope}: GET ${path}`,
        result.request,
        result.response,
        result.failure,
      ),
    );
  }
  const called = rows.filter((r) => r.presetId !== null);
  const failed = called.filter((r) => r.verdict === 'failed');
  const fixes: CheckFix[] = failed.map((r) => ({
    kind: 'open-presets',
    label: `Open the presets for ${r.scope}`,
    scope: r.scope,
  }));
  const base = { rows, exchanges, fixes };
  if (called.length === 0)
    return {
      ...base,
      status: 'skipped',
      reason: 'No granted scope has a documented read-only GET preset.',
    };
  const working = called.filter((r) => r.verdict === 'passed').length;
  const reason = `${working} of ${called.length} API calls answered 2xx.`;
  if (failed.length > 0) {
    return {
      ...base,
      status: 'failed',
      reason,
      finding: failed.map((r) => `${r.scope} ${r.finding}.`).join(' '),
      changes: failed.map(changeFor),
    };
  }
  if (working < called.length)
    return {
      ...base,
      status: 'undecided',
      reason,
      finding: called
        .filter((r) => r.verdict === 'undecided')
        .map((r) => `${r.scope} ${r.finding}.`)
        .join(' '),
    };
  return { ...base, status: 'passed', reason };
};
