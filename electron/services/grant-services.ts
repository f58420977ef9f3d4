/** The grant services are wired with the token pipeline (./tokens/token-services.ts). */
export type { GrantServices } from './tokens/token-services';
