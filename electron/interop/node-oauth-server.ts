import OAuth2Server from '@node-oauth/oauth2-server';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { listen, readBody, sendApprovalPage, sendJson } from './http-fixture';
import {
  SPECIAL_CLIENT_ID,
  SPECIAL_SECRET,
  type InteropServer,
  type PeerSupports,
} from './interop-fixture';
import { createNodeOauthModel, TEST_USER } from './node-oauth-model';

const ISSUER_PATH = '/tenant-a';

function headersOf(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) {
    if (typeof v === 'string') out[k] = v;
    else if (Array.isArray(v)) out[k] = v.join(', ');
  }
  return out;
}

/**
 * What express-oauth-server does with a thrown OAuthError: the package throws some request
 * errors (e.g. a body that is not a form) before it fills the response, so fill it here.
 */
function failed(response: OAuth2Server.Response, err: unknown): void {
  if (!(err instanceof OAuth2Server.OAuthError)) throw err;
  if (response.body && Object.keys(response.body as object).length > 0) return;
  response.status = err.code;
  response.body = { error: err.name, error_description: err.message };
}

function send(res: ServerResponse, response: OAuth2Server.Response): void {
  const headers = { ...(response.headers ?? {}) };
  const status = response.status ?? 200;
  if (status === 302) {
    res.writeHead(302, headers);
    res.end();
    return;
  }
  res.writeHead(status, { ...headers, 'content-type': 'application/json' });
  res.end(JSON.stringify(response.body ?? {}));
}

export const nodeOauthSupports: PeerSupports = {
  checksSecret: true,
  checksClientScopes: true,
  checksRefreshToken: true,
  // basic-auth splits at the first ':' and decodes nothing: neither encoding gets through.
  specialBasic: { rfc6749: false, raw: false },
};

/**
 * @node-oauth/oauth2-server 5.3.0 on a plain node:http server. The package ships no discovery,
 * so the server publishes RFC 8414 metadata for its issuer, which has a path: the document is at
 * `/.well-known/oauth-authorization-server/tenant-a` (RFC 8414 §3.1), not under the Base URL.
 * Refresh tokens stay valid after use (`alwaysIssueNewRefreshToken: false`).
 */
export async function startNodeOauthServer(): Promise<InteropServer> {
  const clients = {
    plain: { id: 'interop-plain', secret: 'plain-Secret-42' },
    special: { id: SPECIAL_CLIENT_ID, secret: SPECIAL_SECRET },
  };
  const scopes = { allowed: ['reports:read', 'members:read'], notOnClient: 'admin:write' };
  const { model, revokeRefreshTokens } = createNodeOauthModel(
    [clients.plain, clients.special],
    scopes.allowed,
  );
  const oauth = new OAuth2Server({
    model,
    accessTokenLifetime: 899,
    alwaysIssueNewRefreshToken: false,
    allowEmptyState: false,
  });
  const authenticateHandler = { handle: () => TEST_USER };
  const issuedRefreshTokens: string[] = [];
  let origin = '';

  const http = await listen(async (req, res, url) => {
    const issuer = `${origin}${ISSUER_PATH}`;
    if (
      req.method === 'GET' &&
      url.pathname === `/.well-known/oauth-authorization-server${ISSUER_PATH}`
    ) {
      sendJson(res, 200, {
        issuer,
        authorization_endpoint: `${issuer}/oauth/authorize`,
        token_endpoint: `${issuer}/oauth/token`,
        grant_types_supported: ['client_credentials', 'authorization_code', 'refresh_token'],
        token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
        code_challenge_methods_supported: ['S256'],
        response_types_supported: ['code'],
      });
      return;
    }
    const body = req.method === 'POST' ? await readBody(req) : '';
    const form = Object.fromEntries(new URLSearchParams(body));
    const request = new OAuth2Server.Request({
      method: req.method ?? 'GET',
      headers: headersOf(req),
      query: Object.fromEntries(url.searchParams),
      body: form,
    });
    const response = new OAuth2Server.Response();
    if (url.pathname === `${ISSUER_PATH}/oauth/token` && req.method === 'POST') {
      await oauth.token(request, response).catch((err: unknown) => failed(response, err));
      const issued = (response.body as { refresh_token?: unknown } | undefined)?.refresh_token;
      if (typeof issued === 'string') issuedRefreshTokens.push(issued);
      send(res, response);
      return;
    }
    if (url.pathname === `${ISSUER_PATH}/oauth/authorize`) {
      if (req.method === 'GET') {
        sendApprovalPage(res, url.pathname, {
          ...Object.fromEntries(url.searchParams),
          allowed: 'true',
        });
        return;
      }
      await oauth
        .authorize(request, response, { authenticateHandler })
        .catch((err: unknown) => failed(response, err));
      send(res, response);
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
  });
  origin = http.origin;
  const url = `${origin}${ISSUER_PATH}`;
  return {
    name: '@node-oauth/oauth2-server 5.3.0',
    url,
    tokenUrl: `${url}/oauth/token`,
    authorizationUrl: `${url}/oauth/authorize`,
    discovery: 'rfc8414-issuer-path',
    clients,
    scopes,
    supports: nodeOauthSupports,
    revokeRefreshTokens,
    issuedRefreshTokens,
    stop: () => http.close(),
  };
}
