import type { Failure, WireRequest, WireResponse } from '../wire';

/** What the diagnosis needs to know about the profile (nothing secret). */
export interface DiagnosisProfile {
  authMethod: 'client_secret_basic' | 'client_secret_post' | 'none';
  basicEncoding: 'rfc6749' | 'raw';
  grantType: string;
  /** The team's origin (`https://acme.eu-1.celonis.cloud`), when known. */
  origin: string | null;
  /** True when RFC 6749 encoding changes the client ID or secret (`+ / = : %` or a space). */
  credentialsChangeWhenEncoded: boolean;
}

/** What the diagnosis needs to know about the token (the value itself is never needed). */
export interface DiagnosisToken {
  receivedAt: number;
  expiresIn: number | null;
  grantedScopes: string[];
  requestedScopes: string[];
  notGranted: string[];
  origin: string;
}

export interface DiagnosisCall {
  request: WireRequest | null;
  response: WireResponse | null;
  failure: Failure | null;
}
