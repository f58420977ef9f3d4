import { evidence } from '../../../shared/diagnosis/finding';
import type { MethodProbeRow, MethodVariant } from '../../../shared/grant-results';
import { headerValue } from '../../../shared/wire';
import type { CheckFix, StepRunner } from './check-deps';

const APPLICATIONS = 'Admin & Settings > Applications';

const variantFix: Record<MethodVariant, CheckFix & { kind: 'use-method' }> = {
  'basic-rfc6749': {
    kind: 'use-method',
    label: 'Use the accepted method: client_secret_basic',
    authMethod: 'client_secret_basic',
    basicEncoding: 'rfc6749',
  },
  'basic-raw': {
    kind: 'use-method',
    label: 'Use the accepted method: client_secret_basic (raw)',
    authMethod: 'client_secret_basic',
    basicEncoding: 'raw',
  },
  post: {
    kind: 'use-method',
    label: 'Use the accepted method: client_secret_post',
    authMethod: 'client_secret_post',
    basicEncoding: 'rfc6749',
  },
};

function profileVariant(authMethod: string, encoding: string): MethodVariant {
  if (authMethod === 'client_secret_post') return 'post';
  return encoding === 'raw' ? 'basic-raw' : 'basic-rfc6749';
}

function description(row: MethodProbeRow): string {
  const text = row.response?.bodyText ?? '';
  try {
    const json = JSON.parse(text) as { error_description?: unknown };
    return typeof json.error_description === 'string' ? json.error_description : '';
  } catch {
    return '';
  }
}

/** 4. Which of client_secret_basic (RFC, raw) and client_secret_post the server accepts. */
export const authMethodStep: StepRunner = async (state, deps, signal) => {
  const p = state.profile;
  if (p.authMethod === 'none') {
    return {
      status: 'skipped',
      reason: 'Public client (authentication method none): no secret to check.',
    };
  }
  if (!state.tokenEndpointAnswers)
    return { status: 'skipped', reason: 'The token endpoint does not answer.' };
  const rows = await deps.probeAuthMethods(p.id, signal);
  const exchanges = rows.map((r) =>
    state.masker.exchange(r.label, r.request, r.response, r.failure),
  );
  const facts = rows.map((r) => evidence('status', r.label, `${r.verdict}: ${r.detail}`));
  const accepted = rows.filter((r) => r.verdict === 'accepted');
  const mine = profileVariant(p.authMethod, p.basicEncoding);
  const base = { exchanges, facts };
  if (accepted.some((r) => r.variant === mine)) {
    state.authenticated = true;
    const label = rows.find((r) => r.variant === mine)?.label ?? p.authMethod;
    return {
      ...base,
      status: 'passed',
      reason: `The server accepts ${label}, the profile's method.`,
    };
  }
  if (accepted.length > 0) {
    state.authenticated = true;
    const first = accepted[0]!;
    return {
      ...base,
      status: 'failed',
      reason: `The server accepts ${accepted.map((r) => r.label).join(' and ')}, not the profile's ${rows.find((r) => r.variant === mine)?.label ?? p.authMethod}.`,
      finding: `The client is registered for ${first.label} under ${APPLICATIONS}; the profile sends the secret another way.`,
      changes: [
        `Set Authentication method to ${variantFix[first.variant].authMethod}${first.variant === 'basic-raw' ? ' with raw Basic encoding' : ''} and save the profile.`,
      ],
      fixes: [variantFix[first.variant]],
    };
  }
  const answered = rows.filter((r) => r.response !== null);
  if (answered.length === 0 || rows.some((r) => r.verdict !== 'rejected')) {
    return {
      ...base,
      status: 'undecided',
      reason:
        answered.length === 0
          ? 'No method got an answer.'
          : `The answers do not tell which method works: ${rows.find((r) => r.verdict === 'undecided')?.detail ?? 'no method was accepted or refused'}`,
    };
  }
  state.authenticated = false;
  if (rows.some((r) => /expired/i.test(description(r)))) {
    return {
      ...base,
      status: 'failed',
      reason: 'The client secret has expired.',
      finding: `The server says the secret is expired: it was regenerated under ${APPLICATIONS} (Regenerate secret), and the old one no longer works.`,
      changes: [
        'Copy the new secret from Admin & Settings > Applications and enter it with Secret regenerated (or in Client secret).',
      ],
    };
  }
  return {
    ...base,
    status: 'failed',
    reason: 'No authentication method is accepted: the client ID or the secret is wrong.',
    finding: `Every method was refused (invalid_client), so the method is not the cause. Compare Client ID and Client secret with the client under ${APPLICATIONS}; after Regenerate secret the old secret stops working.`,
    changes: [
      'Enter the Client ID and Client secret exactly as shown under Admin & Settings > Applications.',
    ],
  };
};

/** 5. A token with the profile's scopes, and granted vs requested. */
export const tokenStep: StepRunner = async (state, deps, signal) => {
  const p = state.profile;
  if (p.grantType !== 'client_credentials') {
    return {
      status: 'skipped',
      reason: 'The grant needs a user sign-in: press Get token in the app, then check again.',
    };
  }
  if (p.authMethod === 'none')
    return {
      status: 'skipped',
      reason: 'Client credentials need a secret; this is a public client.',
    };
  if (!state.tokenEndpointAnswers)
    return { status: 'skipped', reason: 'The token endpoint does not answer.' };
  const result = await deps.getToken(p.id, undefined, signal);
  state.token = result;
  state.masker.hide(result.token?.accessToken);
  const exchanges = [
    state.masker.exchange('Token request', result.request, result.response, result.failure),
  ];
  if (result.token) {
    const t = result.token;
    const facts = [
      evidence('scopes', 'requested', t.requestedScopes.join(' ') || '(none)'),
      evidence(
        'scopes',
        'granted',
        t.scopeReturned
          ? t.grantedScopes.join(' ') || '(none)'
          : '(no scope in the answer: as requested)',
      ),
      evidence('status', 'expires_in', t.expiresIn === null ? '(none)' : `${t.expiresIn} s`),
    ];
    if (t.notGranted.length === 0) {
      return {
        status: 'passed',
        reason: `Token issued with every requested scope (${t.grantedScopes.length}).`,
        facts,
        exchanges,
      };
    }
    return {
      status: 'failed',
      reason: `Token issued without ${t.notGranted.join(', ')}.`,
      finding: `The server dropped scopes that are not defined on the client under ${APPLICATIONS} (Define scopes).`,
      changes: [
        `Define ${t.notGranted.join(', ')} on the client under ${APPLICATIONS}, or untick them in the profile.`,
      ],
      fixes: [
        {
          kind: 'tick-scopes',
          label: 'Tick the granted scopes only',
          scopes: [...t.grantedScopes],
        },
      ],
      facts: [...facts, evidence('scopes', 'not granted', t.notGranted.join(' '))],
      exchanges,
    };
  }
  const f = result.failure;
  if (f?.kind === 'cancelled') return { status: 'skipped', reason: 'Cancelled.', exchanges };
  const first = result.diagnosis?.[0];
  const scopeRefused = f?.error === 'invalid_scope' || f?.error === 'unauthorized_scope';
  return {
    status: 'failed',
    reason: f ? `${f.title}${f.error ? ` (${f.error})` : ''}.` : 'No token.',
    finding: scopeRefused
      ? `A requested scope is not defined on the client under ${APPLICATIONS}. ${state.scopeProbe ? 'The Scopes step shows which ones it has.' : 'Check again with the scope probe to see which ones it has.'}`
      : state.authenticated === false
        ? 'The client did not authenticate (see Authentication method).'
        : first
          ? `${first.title}. ${first.fix}`
          : (f?.hint ?? null),
    changes: scopeRefused
      ? [
          `Untick the scopes the client does not have, or define them under ${APPLICATIONS} (Define scopes).`,
        ]
      : state.authenticated === false
        ? []
        : first
          ? [first.fix]
          : [],
    facts: [evidence('scopes', 'requested', p.scopes.join(' ') || '(none)')],
    exchanges,
  };
};

/** The JWT check: signature with the issuer's keys, iss / aud / exp / nbf / iat. */
export const jwtStep: StepRunner = async (state, deps, signal) => {
  const token = state.token?.token;
  if (!token) return { status: 'skipped', reason: 'No token to check.' };
  const check = await deps.verifyJwt(
    {
      token: token.accessToken,
      discoveryUrl: state.discovery?.foundAt ?? null,
      serverDate: state.token?.response ? headerValue(state.token.response.headers, 'date') : null,
      audiences: [
        state.profile.clientId,
        token.origin,
        state.baseUrl ?? '',
        state.discovery?.metadata?.issuer ?? '',
      ].filter(Boolean),
    },
    signal,
  );
  const facts = check.checks.map((c) => evidence('body', c.label, c.value));
  if (check.status === 'opaque') return { status: 'skipped', reason: check.line, facts };
  if (check.status === 'verified') return { status: 'passed', reason: check.line, facts };
  const unavailable =
    /no discovery|no jwks_uri|did not answer|answered \d|not a JSON|no "keys"/.test(check.line);
  return {
    status: unavailable ? 'undecided' : 'failed',
    reason: check.line,
    finding: unavailable
      ? 'The server does not publish what a signature check needs; the token may still be good.'
      : "The token does not verify against the issuer's keys or its time claims: an API will refuse it.",
    changes: unavailable
      ? []
      : [
          'Check the computer clock and the Team / Cluster (a token from another issuer), then Get token again.',
        ],
    facts,
  };
};
