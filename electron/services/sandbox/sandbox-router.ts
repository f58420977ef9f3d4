import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { sendJson } from './api-responses';
import { usesUnregisteredMethod } from './client-auth-method';
import { SANDBOX_ROUTES } from './provider-config';
import { isSampleApiPath, type SampleApiHandler } from './sample-apis';
import { restyleInteractionResponse } from './sandbox-pages';
import { sandboxClientInfos } from './sandbox-clients';
import { forwardForm, hasReadableForm, readForm } from './token-request-forms';
import { EXPIRED_SECRET_DESCRIPTION, type SecretRotation } from './secret-rotation';

// One listener for the whole sandbox: the sample API paths go to the sandbox's own handler,
// everything else to oidc-provider.

function internalError(res: ServerResponse): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(500, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ error: 'server_error' }));
}

/** Endpoints where oidc-provider authenticates the client with its secret. */
const CLIENT_AUTH_ROUTES = new Set<string>([
  SANDBOX_ROUTES.token,
  SANDBOX_ROUTES.revocation,
  SANDBOX_ROUTES.introspection,
  SANDBOX_ROUTES.device_authorization,
  SANDBOX_ROUTES.pushed_authorization_request,
]);

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

/** Reads the form itself (see token-request-forms.ts), then hands a rebuilt request on. */
async function forwardClientAuthRequest(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  origin: string,
  provider: Listener,
  registeredMethods: ReadonlyMap<string, string>,
  rotation: SecretRotation | undefined,
): Promise<void> {
  const platformVariants = url.pathname === SANDBOX_ROUTES.token;
  let form: URLSearchParams;
  try {
    form = await readForm(req, url, { platformVariants });
  } catch {
    return sendJson(res, 400, {
      error: 'invalid_request',
      error_description: 'failed to parse the request body',
    });
  }
  if (usesUnregisteredMethod(req.headers.authorization, form, registeredMethods)) {
    // oidc-provider's own answer to a failed client authentication.
    const error = { error: 'invalid_client', error_description: 'client authentication failed' };
    const challenge: Record<string, string> = {};
    if (req.headers.authorization !== undefined) {
      challenge['www-authenticate'] =
        `Basic realm="${origin}", error="invalid_client", error_description="client authentication failed"`;
    }
    return sendJson(res, 401, error, challenge);
  }
  if (rotation?.apply(req.headers, form) === 'expired') {
    return sendJson(res, 401, {
      error: 'invalid_client',
      error_description: EXPIRED_SECRET_DESCRIPTION,
    });
  }
  provider(forwardForm(req, url, form), res);
}

export function createRouter(
  origin: string,
  provider: Listener,
  api: SampleApiHandler,
  rotation?: SecretRotation,
): RequestListener {
  const registeredMethods = new Map(
    sandboxClientInfos().map((client) => [client.clientId, client.authMethod]),
  );
  return (req, res) => {
    const url = URL.parse(req.url ?? '/', origin);
    if (!url) {
      sendJson(res, 400, { error: 'invalid_request', error_description: 'invalid request URL' });
      return;
    }
    if (isSampleApiPath(url.pathname)) {
      api(req, res, url).catch(() => internalError(res));
      return;
    }
    if (
      CLIENT_AUTH_ROUTES.has(url.pathname) &&
      hasReadableForm(req, { platformVariants: url.pathname === SANDBOX_ROUTES.token })
    ) {
      forwardClientAuthRequest(req, res, url, origin, provider, registeredMethods, rotation).catch(
        () => internalError(res),
      );
      return;
    }
    if (url.pathname.startsWith('/interaction/')) restyleInteractionResponse(res);
    provider(req, res);
  };
}
