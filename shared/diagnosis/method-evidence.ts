import type { MethodVariant } from '../grant-results';
import { evidence, type Finding } from './finding';
import type { DiagnosisProfile, MethodEvidence } from './inputs';

const APPLICATIONS = 'Admin & Settings > Applications';

type SentMethod = 'client_secret_basic' | 'client_secret_post';

const variantWords: Record<MethodVariant, string> = {
  'basic-rfc6749': 'client_secret_basic (RFC 6749 encoding)',
  'basic-raw': 'client_secret_basic (Raw encoding)',
  post: 'client_secret_post',
};

function sentVariant(method: SentMethod, profile: DiagnosisProfile): MethodVariant {
  if (method === 'client_secret_post') return 'post';
  return profile.basicEncoding === 'raw' ? 'basic-raw' : 'basic-rfc6749';
}

/**
 * After invalid_client: a finding that suggests another authentication method or Basic encoding,
 * only where there is evidence for it (the method probe accepted another variant, or discovery
 * lists only the other method). Without evidence a refused client is most often a wrong secret,
 * and the invalid_client finding says so.
 */
export function methodFindings(
  method: SentMethod,
  profile: DiagnosisProfile,
  known: MethodEvidence | undefined,
): Finding[] {
  const sent = sentVariant(method, profile);
  const probe = known?.probe ?? [];
  if (probe.length > 0) {
    if (probe.some((r) => r.variant === sent && r.verdict === 'accepted')) return [];
    const accepted = probe.filter((r) => r.verdict === 'accepted' && r.variant !== sent);
    const first = accepted[0];
    if (!first) return [];
    const probeEvidence = probe.map((r) =>
      evidence('request', `method probe: ${variantWords[r.variant]}`, r.verdict),
    );
    const otherMethod = accepted.find((r) => (r.variant === 'post') !== (sent === 'post'));
    if (otherMethod) {
      const name = otherMethod.variant === 'post' ? 'client_secret_post' : 'client_secret_basic';
      return [
        {
          id: 'token.auth-method',
          title: `The method probe found that the server accepts ${variantWords[otherMethod.variant]}, not ${variantWords[sent]}`,
          evidence: [...probeEvidence, evidence('profile', 'Authentication method', method)],
          fix: `The client was registered for ${name} under ${APPLICATIONS}. Set Authentication method to ${name} and press Get token.`,
          severity: 'error',
        },
      ];
    }
    const encoding = first.variant === 'basic-raw' ? 'Raw' : 'RFC 6749';
    return [
      {
        id: 'token.basic-encoding',
        title: `The method probe found that the server accepts Basic with ${encoding} encoding`,
        evidence: [...probeEvidence, evidence('profile', 'Basic encoding', profile.basicEncoding)],
        fix: `Set Basic encoding to ${encoding} and press Get token.`,
        severity: 'error',
      },
    ];
  }
  const listed = known?.discoveredAuthMethods ?? [];
  const other: SentMethod =
    method === 'client_secret_basic' ? 'client_secret_post' : 'client_secret_basic';
  if (listed.length > 0 && !listed.includes(method) && listed.includes(other)) {
    return [
      {
        id: 'token.auth-method',
        title: `The server announces ${other}, not ${method}`,
        evidence: [
          evidence('body', 'token_endpoint_auth_methods_supported (discovery)', listed.join(' ')),
          evidence('profile', 'Authentication method', method),
        ],
        fix: `Set Authentication method to ${other} and press Get token, or run the method probe to confirm. The client accepts only the method it was registered with under ${APPLICATIONS}.`,
        severity: 'warning',
      },
    ];
  }
  return [];
}
