// The rows of the fault matrix: where each fault lives, and what the token call and the API call
// must answer. A `failure` is the named Failure kind (shared/wire.ts); a `status` means the answer
// arrives as an HTTP response the user sees (API calls show 4xx/5xx, they do not fail).
import type { FailureKind } from '../../shared/wire';
import { BIG_BODY_BYTES, faultPaths, type FaultServers } from './fault-server';

export interface Expectation {
  failure?: FailureKind;
  /** Text the failure's title or message must contain (for example the TLS error code). */
  says?: RegExp;
  /** The HTTP status of the response that comes back. */
  status?: number;
  /** Bytes the response must report as received. */
  size?: number;
  /** A diagnosis finding id the API call must carry. */
  finding?: string;
}

export interface FaultRow {
  name: string;
  base: (s: FaultServers) => string;
  /** The request timeout for this row, in seconds (Settings > timeout). */
  timeoutSeconds?: number;
  authMethod?: 'client_secret_basic' | 'client_secret_post';
  token: Expectation;
  api: Expectation;
}

const at = (path: string) => (s: FaultServers) => `${s.http}${path}`;
const p = faultPaths;

export const faultRows: FaultRow[] = [
  {
    name: 'refused connection',
    base: (s) => s.refused,
    token: { failure: 'connection-refused' },
    api: { failure: 'connection-refused' },
  },
  {
    name: 'DNS failure (.invalid)',
    base: () => 'https://token-workbench-fault.invalid',
    token: { failure: 'dns' },
    api: { failure: 'dns' },
  },
  {
    name: 'no answer (timeout)',
    base: at(p.noAnswer),
    token: { failure: 'timeout', says: /within 1 s/ },
    api: { failure: 'timeout', says: /within 1 s/ },
  },
  {
    name: 'slow drip of headers',
    base: at(p.slowHeaders),
    token: { failure: 'timeout' },
    api: { failure: 'timeout' },
  },
  {
    name: 'slow drip of body',
    base: at(p.slowBody),
    token: { failure: 'timeout' },
    api: { failure: 'timeout' },
  },
  {
    name: '500 HTML',
    base: at(p.html500),
    token: { failure: 'not-json', says: /HTML instead of JSON \(500\)/ },
    api: { status: 500 },
  },
  {
    name: '200 HTML',
    base: at(p.html200),
    token: { failure: 'not-json', says: /HTML instead of JSON \(200\)/ },
    api: { status: 200 },
  },
  {
    name: '200 with invalid JSON',
    base: at(p.invalidJson),
    token: { failure: 'not-json', says: /not JSON/ },
    api: { status: 200 },
  },
  {
    name: '200 JSON without access_token',
    base: at(p.noAccessToken),
    token: { failure: 'bad-token-response', says: /No access_token/ },
    api: { status: 200 },
  },
  {
    name: '200 with an empty body',
    base: at(p.emptyBody),
    token: { failure: 'not-json', says: /empty body/ },
    api: { status: 200, size: 0 },
  },
  {
    name: '429 with Retry-After',
    base: at(p.rateLimited),
    token: { failure: 'http-error', says: /429[\s\S]*Retry-After/ },
    api: { status: 429, finding: 'api.rate-limited' },
  },
  {
    name: 'a 200 MB body',
    base: at(p.bigBody),
    timeoutSeconds: 120,
    token: { failure: 'not-json', size: BIG_BODY_BYTES },
    api: { status: 200, size: BIG_BODY_BYTES },
  },
  {
    name: 'reset mid-body',
    base: at(p.resetMidBody),
    token: { failure: 'connection-reset' },
    api: { failure: 'connection-reset' },
  },
  {
    name: 'closed before any answer',
    base: at(p.closedBeforeAnswer),
    token: { failure: 'connection-reset' },
    api: { failure: 'connection-reset' },
  },
  {
    name: 'TLS self-signed',
    base: (s) => s.tls.selfSigned,
    token: { failure: 'tls', says: /DEPTH_ZERO_SELF_SIGNED_CERT/ },
    api: { failure: 'tls', says: /DEPTH_ZERO_SELF_SIGNED_CERT/ },
  },
  {
    name: 'TLS expired',
    base: (s) => s.tls.expired,
    token: { failure: 'tls', says: /CERT_HAS_EXPIRED/ },
    api: { failure: 'tls', says: /CERT_HAS_EXPIRED/ },
  },
  {
    name: 'TLS hostname mismatch',
    base: (s) => s.tls.wrongName,
    token: { failure: 'tls', says: /ERR_TLS_CERT_ALTNAME_INVALID/ },
    api: { failure: 'tls', says: /ERR_TLS_CERT_ALTNAME_INVALID/ },
  },
  {
    name: '302 to another host',
    base: at(p.redirect302),
    token: { failure: 'http-error', says: /redirected/ },
    api: { status: 302 },
  },
  {
    name: '307 to another host (secret in the body)',
    base: at(p.redirect307),
    authMethod: 'client_secret_post',
    token: { failure: 'http-error', says: /redirected/ },
    api: { status: 307 },
  },
  {
    name: 'gzip bomb (256 MB of zeros)',
    base: at(p.gzipBomb),
    token: { failure: 'not-json' },
    api: { status: 200 },
  },
];
