import type { Failure } from '../../shared/wire';

const tlsCodes = new Set([
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'ERR_SSL_WRONG_VERSION_NUMBER',
  'EPROTO',
]);

function errorCodes(err: unknown): string[] {
  const codes: string[] = [];
  let e: unknown = err;
  for (let i = 0; i < 5 && e && typeof e === 'object'; i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
    const errors = (e as { errors?: unknown }).errors;
    if (Array.isArray(errors)) for (const sub of errors) codes.push(...errorCodes(sub));
    e = (e as { cause?: unknown }).cause;
  }
  return codes;
}

/**
 * Names a failed connection the way a user can act on it: connection refused, DNS, TLS, reset,
 * timeout or cancelled. `host` is shown in the message; nothing secret is ever part of it.
 */
export function describeNetworkFailure(
  err: unknown,
  step: Failure['step'],
  host: string,
  cause: 'timeout' | 'cancelled' | null,
  timeoutSeconds: number,
): Failure {
  if (cause === 'cancelled') {
    return {
      step,
      kind: 'cancelled',
      title: 'Cancelled',
      message: 'The request was cancelled before an answer arrived.',
      hint: 'Send it again when you are ready.',
    };
  }
  const codes = errorCodes(err);
  const has = (...c: string[]) => codes.some((x) => c.includes(x));
  if (
    cause === 'timeout' ||
    has('UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT')
  ) {
    return {
      step,
      kind: 'timeout',
      title: 'Timed out',
      message: `No complete answer from ${host} within ${timeoutSeconds} s.`,
      hint: 'Check that the host is reachable from this network (VPN, proxy), or raise the timeout in Settings.',
    };
  }
  if (has('ECONNREFUSED')) {
    return {
      step,
      kind: 'connection-refused',
      title: 'Connection refused',
      message: `${host} refused the connection: nothing is listening on that port.`,
      hint: 'Check the host and port in Base URL / Token URL; for the sandbox, start it again.',
    };
  }
  if (has('ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL')) {
    return {
      step,
      kind: 'dns',
      title: 'Host not found (DNS)',
      message: `The name ${host} could not be resolved.`,
      hint: 'Check Team and Cluster (https://<team>.<cluster>.celonis.cloud) for typos, and your network or VPN.',
    };
  }
  const tls = codes.find(
    (c) => tlsCodes.has(c) || c.startsWith('ERR_TLS') || c.startsWith('ERR_SSL'),
  );
  if (tls) {
    return {
      step,
      kind: 'tls',
      title: 'TLS failure',
      message: `The secure connection to ${host} failed (${tls}).`,
      hint: 'A proxy or firewall may be replacing certificates: add your company CA, or check the URL uses the right scheme and port.',
    };
  }
  if (has('ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE', 'UND_ERR_CLOSED')) {
    return {
      step,
      kind: 'connection-reset',
      title: 'Connection closed',
      message: `${host} closed the connection before answering.`,
      hint: 'The server or a proxy dropped the request; try again, and check the URL and scheme (http vs https).',
    };
  }
  const code = codes[0] ? ` (${codes[0]})` : '';
  return {
    step,
    kind: 'network',
    title: 'Network error',
    message: `The request to ${host} failed${code}.`,
    hint: 'Check the URL, your network and any proxy.',
  };
}
