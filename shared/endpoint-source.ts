import type { EndpointSource } from './grant-results';

/** Where a token call's endpoint address came from, in words for the token's detail. */
export const endpointSourceText: Record<EndpointSource, string> = {
  profile: 'Token endpoint from the profile (Token URL)',
  discovery: "Token endpoint from the server's discovery document",
  conventional: 'Token endpoint by convention (<base>/oauth2/token): discovery announced none',
};

export const endpointNotYetText =
  'Token endpoint: resolved at the first request (Token URL, else discovery, else /oauth2/token)';
