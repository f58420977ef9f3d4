import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTokenVerifier } from './bearer-check';
import { buildProviderConfiguration } from './provider-config';
import { quietly } from './quiet-oidc-provider';
import { createSampleApiHandler } from './sample-apis';
import { sandboxClientInfos, type SandboxClientInfo } from './sandbox-clients';
import { generateSandboxKeys } from './sandbox-keys';
import { createRouter } from './sandbox-router';
import { SecretRotation } from './secret-rotation';

export interface SandboxOptions {
  /** Secret shared by the confidential sandbox clients (the app generates one and keeps it in the keychain). */
  clientSecret: string;
  /** 0 or absent: any free port. Always binds 127.0.0.1 only. */
  port?: number;
}

export interface Sandbox {
  /** e.g. http://127.0.0.1:41234 (no trailing slash); this is also the issuer. */
  url: string;
  clients: SandboxClientInfo[];
  /**
   * "Regenerate secret" under Admin & Settings > Applications, for one sandbox client: returns
   * the new secret; the old one then answers invalid_client (client secret is expired).
   */
  regenerateClientSecret(clientId: string): string;
  /** Closes the server and all sockets promptly. */
  close(): Promise<void>;
}

/** Seams for tests only. */
export interface SandboxHooks {
  /** The sample APIs' clock (epoch milliseconds), to see tokens expire without waiting. */
  now?: () => number;
}

const HOST = '127.0.0.1';

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** Starts the sandbox; `startSandbox` in index.ts is the public entry point. */
export async function createSandbox(
  options: SandboxOptions,
  hooks: SandboxHooks = {},
): Promise<Sandbox> {
  if (!options.clientSecret) throw new Error('The sandbox needs a client secret.');

  let handle: RequestListener = (_req, res) => {
    res.writeHead(503).end();
  };
  const server = createServer((req, res) => handle(req, res));
  await listen(server, options.port ?? 0);

  const { port } = server.address() as AddressInfo;
  const url = `http://${HOST}:${port}`;
  const rotation = new SecretRotation(options.clientSecret);
  try {
    const keys = await generateSandboxKeys();
    const provider = await quietly(async () => {
      const { Provider, errors } = await import('oidc-provider');
      const configuration = buildProviderConfiguration({
        issuer: url,
        clientSecret: options.clientSecret,
        privateJwks: keys.privateJwks,
        providerErrors: errors,
      });
      return new Provider(url, configuration);
    });
    provider.on('server_error', (_ctx, error) => {
      // The message only: request details could hold a client secret.
      const message = error instanceof Error ? error.message : 'unknown error';
      console.error(`[sandbox] authorization server error: ${message}`);
    });
    const verifyToken = createTokenVerifier({
      issuer: url,
      audience: url,
      publicJwks: keys.publicJwks,
      now: hooks.now,
    });
    const api = createSampleApiHandler({ origin: url, verifyToken, now: hooks.now });
    handle = createRouter(url, provider.callback(), api, rotation);
  } catch (error) {
    await closeServer(server);
    throw error;
  }

  let closing: Promise<void> | undefined;
  return {
    url,
    clients: sandboxClientInfos(),
    regenerateClientSecret: (clientId) => {
      const known = sandboxClientInfos().find((c) => c.clientId === clientId);
      if (!known || known.authMethod === 'none')
        throw new Error(`${clientId} has no secret to regenerate.`);
      return rotation.regenerate(clientId);
    },
    close: () => (closing ??= closeServer(server)),
  };
}
