import { evidence } from '../../../shared/diagnosis/finding';
import { allCatalogScopes } from '../../../shared/scope-catalog';
import type { StepRunner } from './check-deps';

const APPLICATIONS = 'Admin & Settings > Applications';
/** A scope no server defines: a server that grants it grants anything, so it tells nothing. */
export const CONTROL_SCOPE = 'token-workbench.check-control:none';

/** 6. Which catalog scopes the client really has: the scope probe, paced, one scope a request. */
export const scopesStep: StepRunner = async (state, deps, signal) => {
  const p = state.profile;
  if (!state.scopeProbe) return { status: 'skipped', reason: 'Left out (scope probe off).' };
  if (p.authMethod === 'none' || p.grantType !== 'client_credentials') {
    return {
      status: 'skipped',
      reason: 'The scope probe uses client credentials; this profile does not.',
    };
  }
  if (state.authenticated === false || !state.tokenEndpointAnswers) {
    return {
      status: 'skipped',
      reason: 'The client does not authenticate, so no scope can be probed.',
    };
  }
  const control = await deps.probeScope(p.id, [CONTROL_SCOPE], signal);
  if (control.verdicts[0]?.verdict === 'granted') {
    return {
      status: 'undecided',
      reason:
        'The server grants any scope, even one that does not exist: the probe cannot tell which scopes the client has.',
      exchanges: [
        state.masker.exchange(
          `Control scope ${CONTROL_SCOPE}`,
          control.request,
          control.response,
          control.failure,
        ),
      ],
    };
  }
  const asked = [...new Set([...p.scopes, ...allCatalogScopes])];
  const granted: string[] = [];
  const unanswered: string[] = [];
  for (const scope of asked) {
    if (signal.aborted) return { status: 'skipped', reason: 'Cancelled.' };
    const row = await deps.probeScope(p.id, [scope], signal);
    const verdict = row.verdicts[0]?.verdict;
    if (row.status === null || row.status === 429 || row.status >= 500) unanswered.push(scope);
    else if (verdict === 'granted') granted.push(scope);
  }
  state.probedScopes = granted;
  const missing = p.scopes.filter((s) => !granted.includes(s) && !unanswered.includes(s));
  const facts = [
    evidence('scopes', 'on the client', granted.join(' ') || '(none)'),
    evidence('scopes', 'requested but not on the client', missing.join(' ') || '(none)'),
    ...(unanswered.length ? [evidence('scopes', 'no answer', unanswered.join(' '))] : []),
  ];
  if (missing.length > 0) {
    const keep = p.scopes.filter((s) => granted.includes(s));
    return {
      status: 'failed',
      reason: `The client does not have ${missing.join(', ')}.`,
      finding: `Those scopes are not defined on the client under ${APPLICATIONS} (Define scopes); the token endpoint refuses a request that asks for them.`,
      changes: [
        `Untick ${missing.join(', ')} (or define them on the client under ${APPLICATIONS}).`,
      ],
      fixes: [
        {
          kind: 'tick-scopes',
          label: 'Tick the granted scopes only',
          scopes: keep.length ? keep : granted,
        },
      ],
      facts,
    };
  }
  if (unanswered.length > 0) {
    return {
      status: 'undecided',
      reason: `No usable answer for ${unanswered.length} scope(s).`,
      facts,
    };
  }
  return {
    status: 'passed',
    reason: `The client has every requested scope (${granted.length} catalog scopes in all).`,
    facts,
  };
};
