import { AuthorizationServer, type AuthorizationRequest } from '@jmondi/oauth2-server';
import {
  handleVanillaError,
  requestFromVanilla,
  responseToVanilla,
} from '@jmondi/oauth2-server/vanilla';
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { listen, readBody, sendApprovalPage } from './http-fixture';
import {
  SPECIAL_CLIENT_ID,
  SPECIAL_SECRET,
  type InteropServer,
  type PeerSupports,
} from './interop-fixture';
import { createJmondiRepositories } from './jmondi-repositories';

/** node:http in, Fetch API Request out (the vanilla adapter speaks Fetch). */
async function toFetchRequest(req: IncomingMessage, origin: string): Promise<Request> {
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) {
    if (typeof v === 'string') headers.set(k, v);
    else if (Array.isArray(v)) headers.set(k, v.join(', '));
  }
  const method = req.method ?? 'GET';
  const body = method === 'POST' ? await readBody(req) : undefined;
  return new Request(new URL(req.url ?? '/', origin), { method, headers, body });
}

async function sendFetchResponse(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((v, k) => (headers[k] = v));
  res.writeHead(response.status, headers);
  res.end(await response.text());
}

export const jmondiSupports: PeerSupports = {
  checksSecret: true,
  checksClientScopes: true,
  checksRefreshToken: true,
  // Basic is base64-decoded and split at every ':'; nothing is form-decoded.
  specialBasic: { rfc6749: false, raw: false },
};

/**
 * @jmondi/oauth2-server 4.3.7 through its vanilla (Fetch API) adapter on node:http, at the
 * conventional paths `/oauth2/token` and `/oauth2/authorize`. The package publishes no
 * discovery document, so Base URL alone works only by the workbench's fallback. PKCE with S256
 * is required; sign-in is a fixed test user and one approval page.
 */
export async function startJmondiServer(): Promise<InteropServer> {
  const clients = {
    plain: { id: 'interop-plain', secret: 'plain-Secret-42' },
    special: { id: SPECIAL_CLIENT_ID, secret: SPECIAL_SECRET },
  };
  const scopes = { allowed: ['reports:read', 'members:read'], notOnClient: 'admin:write' };
  const repos = createJmondiRepositories([clients.plain, clients.special], scopes.allowed, [
    ...scopes.allowed,
    scopes.notOnClient,
  ]);
  const server = new AuthorizationServer(
    repos.clientRepository,
    repos.tokenRepository,
    repos.scopeRepository,
    randomBytes(32).toString('hex'),
    { requiresPKCE: true, requiresS256: true },
  );
  server.enableGrantType({
    grant: 'authorization_code',
    authCodeRepository: repos.authCodeRepository,
    userRepository: repos.userRepository,
  });
  const pending = new Map<string, AuthorizationRequest>();
  const issuedRefreshTokens: string[] = [];
  let origin = '';

  const http = await listen(async (req, res, url) => {
    const request = await toFetchRequest(req, origin);
    try {
      if (url.pathname === '/oauth2/token' && req.method === 'POST') {
        const out = await server.respondToAccessTokenRequest(await requestFromVanilla(request));
        const issued = (out.body as { refresh_token?: unknown }).refresh_token;
        if (typeof issued === 'string') issuedRefreshTokens.push(issued);
        await sendFetchResponse(res, responseToVanilla(out));
        return;
      }
      if (url.pathname === '/oauth2/authorize' && req.method === 'GET') {
        const authRequest = await server.validateAuthorizationRequest(
          await requestFromVanilla(request),
        );
        const id = randomBytes(12).toString('hex');
        pending.set(id, authRequest);
        sendApprovalPage(res, '/oauth2/authorize', { request_id: id });
        return;
      }
      if (url.pathname === '/oauth2/authorize' && req.method === 'POST') {
        const id = new URLSearchParams(await request.text()).get('request_id') ?? '';
        const authRequest = pending.get(id);
        pending.delete(id);
        if (!authRequest) {
          res.writeHead(400).end('unknown authorization request');
          return;
        }
        authRequest.user = { id: 'ada' };
        authRequest.isAuthorizationApproved = true;
        const out = await server.completeAuthorizationRequest(authRequest);
        await sendFetchResponse(res, responseToVanilla(out));
        return;
      }
      res.writeHead(404).end();
    } catch (err) {
      await sendFetchResponse(res, responseToVanilla(handleVanillaError(err)));
    }
  });
  origin = http.origin;
  return {
    name: '@jmondi/oauth2-server 4.3.7',
    url: origin,
    tokenUrl: `${origin}/oauth2/token`,
    authorizationUrl: `${origin}/oauth2/authorize`,
    discovery: 'none',
    clients,
    scopes,
    supports: jmondiSupports,
    revokeRefreshTokens: repos.revokeRefreshTokens,
    issuedRefreshTokens,
    stop: () => http.close(),
  };
}
