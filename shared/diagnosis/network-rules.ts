import { headerValue, type Failure, type WireResponse } from '../wire';
import { evidence, type Finding } from './finding';

/** TLS, proxy and connection failures, for token and API calls alike. */
export function networkFindings(failure: Failure | null, response: WireResponse | null): Finding[] {
  const out: Finding[] = [];
  if (failure?.kind === 'tls') {
    out.push({
      id: 'network.tls',
      title: 'The TLS connection failed',
      evidence: [evidence('network', 'failure', failure.message)],
      fix: 'A proxy or firewall that inspects TLS replaces the certificate: add your company CA under Settings (network), or check that the URL uses https and the right port. Do not turn off verification for a real team.',
      severity: 'error',
    });
  }
  if (
    failure &&
    ['dns', 'connection-refused', 'timeout', 'connection-reset', 'network'].includes(failure.kind)
  ) {
    out.push({
      id: `network.${failure.kind}`,
      title: failure.title,
      evidence: [evidence('network', 'failure', failure.message)],
      fix: `${failure.hint} Behind a company proxy, set it under Settings so token and API calls both use it.`,
      severity: 'error',
    });
  }
  if (response?.status === 407) {
    const challenge = headerValue(response.headers, 'proxy-authenticate');
    out.push({
      id: 'network.proxy-auth',
      title: 'The proxy wants credentials (407)',
      evidence: [
        evidence('status', 'status', '407 Proxy Authentication Required'),
        ...(challenge ? [evidence('header', 'Proxy-Authenticate', challenge)] : []),
      ],
      fix: 'The request never reached the team: a proxy stopped it. Enter the proxy with its credentials under Settings, or ask IT which proxy to use.',
      severity: 'error',
    });
  }
  return out;
}

export function looksLikeHtml(response: WireResponse): boolean {
  return (
    /html/i.test(response.contentType ?? '') ||
    /^\s*<(!doctype|html|head|body)/i.test(response.bodyText)
  );
}
