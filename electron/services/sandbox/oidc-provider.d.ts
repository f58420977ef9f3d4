// oidc-provider ships no type declarations and @types/oidc-provider is not installed. These are
// the few parts of its API that the sandbox uses, checked against oidc-provider 9.13.3.
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  /** The registered client as oidc-provider exposes it to configuration callbacks. */
  export interface ProviderClient {
    clientId: string;
    clientName?: string;
    clientAuthMethod: string;
    grantTypeAllowed(grantType: string): boolean;
  }

  /** The parts of the koa context (with oidc-provider's `ctx.oidc`) that the sandbox reads. */
  export interface ProviderContext {
    host: string;
    type: string;
    body: unknown;
    oidc: {
      route: string;
      params?: Record<string, unknown>;
      client?: ProviderClient;
    };
  }

  export interface ResourceServerInfo {
    scope: string;
    audience?: string;
    accessTokenTTL?: number;
    accessTokenFormat?: 'opaque' | 'jwt';
    jwt?: { sign?: { alg: string } };
  }

  export interface ClientMetadata {
    client_id: string;
    client_secret?: string;
    client_name?: string;
    token_endpoint_auth_method: 'client_secret_basic' | 'client_secret_post' | 'none';
    application_type?: 'web' | 'native';
    grant_types: string[];
    response_types: string[];
    redirect_uris: string[];
    scope: string;
  }

  export interface AdapterPayload {
    [key: string]: unknown;
    jti?: string;
    uid?: string;
    grantId?: string;
    userCode?: string;
    consumed?: number;
  }

  export interface Adapter {
    upsert(id: string, payload: AdapterPayload, expiresIn?: number): Promise<void>;
    find(id: string): Promise<AdapterPayload | undefined>;
    findByUid(uid: string): Promise<AdapterPayload | undefined>;
    findByUserCode(userCode: string): Promise<AdapterPayload | undefined>;
    consume(id: string): Promise<void>;
    destroy(id: string): Promise<void>;
    revokeByGrantId(grantId: string): Promise<void>;
  }

  export interface Account {
    accountId: string;
    claims(): Promise<Record<string, unknown>> | Record<string, unknown>;
  }

  /** A token, code or grant as handed to the ttl callbacks. */
  export interface ProviderToken {
    clientId?: string;
  }

  type TtlValue =
    number | ((ctx: ProviderContext, token: ProviderToken, client?: ProviderClient) => number);

  export interface Configuration {
    adapter?: (model: string) => Adapter;
    clients?: ClientMetadata[];
    jwks?: { keys: Record<string, unknown>[] };
    cookies?: { keys?: string[] };
    scopes?: string[];
    claims?: Record<string, string[]>;
    responseTypes?: string[];
    clientAuthMethods?: string[];
    routes?: Record<string, string>;
    ttl?: Record<string, TtlValue>;
    pkce?: { required?: (ctx: ProviderContext, client: ProviderClient) => boolean };
    findAccount?: (ctx: ProviderContext, sub: string) => Promise<Account | undefined>;
    issueRefreshToken?: (
      ctx: ProviderContext,
      client: ProviderClient,
      code: unknown,
    ) => Promise<boolean> | boolean;
    clientBasedCORS?: (ctx: ProviderContext, origin: string, client: ProviderClient) => boolean;
    renderError?: (
      ctx: ProviderContext,
      out: Record<string, string | undefined>,
      error: Error,
    ) => Promise<void> | void;
    features?: {
      devInteractions?: { enabled: boolean };
      clientCredentials?: { enabled: boolean };
      introspection?: {
        enabled: boolean;
        allowedPolicy?: (
          ctx: ProviderContext,
          client: ProviderClient,
          token: ProviderToken,
        ) => Promise<boolean>;
      };
      revocation?: {
        enabled: boolean;
        allowedPolicy?: (
          ctx: ProviderContext,
          client: ProviderClient,
          token: ProviderToken,
        ) => Promise<boolean>;
      };
      userinfo?: { enabled: boolean };
      deviceFlow?: {
        enabled: boolean;
        userCodeInputSource?: (
          ctx: ProviderContext,
          form: string,
          out: unknown,
          err: unknown,
        ) => Promise<void>;
        userCodeConfirmSource?: (
          ctx: ProviderContext,
          form: string,
          client: ProviderClient,
          deviceInfo: unknown,
          userCode: string,
        ) => Promise<void>;
        successSource?: (ctx: ProviderContext) => Promise<void>;
      };
      rpInitiatedLogout?: {
        enabled: boolean;
        logoutSource?: (ctx: ProviderContext, form: string) => Promise<void>;
        postLogoutSuccessSource?: (ctx: ProviderContext) => Promise<void>;
      };
      resourceIndicators?: {
        enabled: boolean;
        defaultResource?: (ctx: ProviderContext, client: ProviderClient) => Promise<string>;
        useGrantedResource?: (ctx: ProviderContext, model: unknown) => Promise<boolean>;
        getResourceServerInfo?: (
          ctx: ProviderContext,
          resourceIndicator: string,
          client: ProviderClient,
        ) => Promise<ResourceServerInfo>;
      };
    };
  }

  export class Provider {
    constructor(issuer: string, configuration?: Configuration);
    readonly issuer: string;
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    on(event: string, listener: (...args: unknown[]) => void): this;
  }

  class OIDCProviderError extends Error {
    error: string;
    error_description?: string;
  }

  export const errors: {
    InvalidScope: new (description: string, scope?: string) => OIDCProviderError;
    InvalidTarget: new (description?: string) => OIDCProviderError;
  };

  export default Provider;
}
