import type { MethodVariant } from '../grant-results';
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
  /** The profile's "Send parameters as"; read from the request when absent. */
  paramsAs?: 'form' | 'multipart' | 'query';
}

/**
 * What is known about the authentication methods the server accepts, beside this one answer.
 * Without it, a refused client is not taken as a sign of the wrong method.
 */
export interface MethodEvidence {
  /** The last method probe for this profile: each variant tried and its verdict. */
  probe?: { variant: MethodVariant; verdict: 'accepted' | 'rejected' | 'undecided' }[];
  /** `token_endpoint_auth_methods_supported` from discovery, when the document lists it. */
  discoveredAuthMethods?: string[];
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

/** How a token request was made, without any secret: what can change between two calls. */
export interface RequestShape {
  tokenUrl: string;
  clientId: string;
  authMethod: DiagnosisProfile['authMethod'];
  basicEncoding: DiagnosisProfile['basicEncoding'];
  paramsAs: NonNullable<DiagnosisProfile['paramsAs']>;
  scopes: string[];
  /**
   * Equal for the same secret within one run (a keyed hash kept in memory); null: none sent;
   * undefined: not known (a call read back from history after a restart).
   */
  secretTag?: string | null;
}

/** This call beside the last one that got this profile a token (same run). */
export interface SinceLastToken {
  then: RequestShape;
  /** When that token came (ms since epoch). */
  thenAt: number;
  now: RequestShape;
  nowAt: number;
  /** `then` was read back from history (an earlier run): its secret cannot be compared. */
  fromHistory?: boolean;
}
