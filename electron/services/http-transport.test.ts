import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createProxy } from 'proxy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WireRequest } from '../../shared/wire';
import { loadCaFile } from './ca-certificates';
import { memoryStore } from './data-store';
import { WorkbenchInputError } from './errors';
import { HttpTransport, type NetworkConfig } from './http-transport';
import { MemoryVault } from './secret-vault';
import { SettingsService } from './settings-service';

let dir: string;
let httpsServer: https.Server;
let plainServer: http.Server;
let proxy: ReturnType<typeof createProxy>;
let httpsUrl: string;
let plainUrl: string;
let proxyUrl: string;
const proxySaw: string[] = [];
const proxyAuth: (string | undefined)[] = [];

function listen(server: http.Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
}

/** A test CA and a server certificate for 127.0.0.1 it signed, made with openssl for this run. */
function makeCertificates(d: string): void {
  const ssl = (...args: string[]) =>
    execFileSync('/usr/bin/openssl', args, { cwd: d, stdio: 'pipe' });
  ssl(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'ca.key',
    '-out',
    'ca.pem',
    '-days',
    '1',
    '-subj',
    '/CN=Token Workbench Test CA',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  );
  ssl(
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'server.key',
    '-out',
    'server.csr',
    '-subj',
    '/CN=127.0.0.1',
  );
  writeFileSync(
    path.join(d, 'ext.cnf'),
    'subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\n',
  );
  ssl(
    'x509',
    '-req',
    '-in',
    'server.csr',
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-out',
    'server.pem',
    '-days',
    '1',
    '-extfile',
    'ext.cnf',
  );
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'twb-tls-'));
  makeCertificates(dir);
  const handler: http.RequestListener = (req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ path: req.url }));
  };
  httpsServer = https.createServer(
    {
      key: readFileSync(path.join(dir, 'server.key')),
      cert: readFileSync(path.join(dir, 'server.pem')),
    },
    handler,
  );
  httpsUrl = `https://127.0.0.1:${await listen(httpsServer)}`;
  plainServer = http.createServer(handler);
  plainUrl = `http://127.0.0.1:${await listen(plainServer)}`;
  proxy = createProxy(http.createServer());
  proxy.authenticate = (req) => {
    proxyAuth.push(req.headers['proxy-authorization']);
    return true;
  };
  proxy.on('request', (req: http.IncomingMessage) => proxySaw.push(`${req.method} ${req.url}`));
  proxy.on('connect', (req: http.IncomingMessage) => proxySaw.push(`CONNECT ${req.url}`));
  proxyUrl = `http://127.0.0.1:${await listen(proxy)}`;
});

afterAll(async () => {
  await Promise.all([httpsServer, plainServer, proxy].map((s) => new Promise((r) => s.close(r))));
  rmSync(dir, { recursive: true, force: true });
});

const get = (url: string): WireRequest => ({ method: 'GET', url, headers: [] });
const base: NetworkConfig = {
  proxyMode: 'none',
  proxyUrl: '',
  proxyUsername: '',
  proxyPassword: null,
  caPem: null,
  tlsVerify: true,
};

async function sendWith(config: NetworkConfig, url: string) {
  const transport = new HttpTransport();
  await transport.configure(async () => config);
  try {
    return await transport.send(get(url), { timeoutSeconds: 10, step: 'api-call' });
  } finally {
    await transport.close();
  }
}

describe('network settings', () => {
  it('names the certificate problem without the CA, and succeeds with it', async () => {
    const without = await sendWith(base, `${httpsUrl}/oauth2/token`);
    expect(without.failure?.title).toBe('TLS failure');
    // The code names it: the server's certificate was issued by a CA this machine does not know.
    expect(without.failure?.message).toMatch(
      /UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT/,
    );
    expect(without.failure?.hint).toMatch(/company CA/);

    const caPem = await loadCaFile(path.join(dir, 'ca.pem'));
    const withCa = await sendWith({ ...base, caPem }, `${httpsUrl}/oauth2/token`);
    expect(withCa.failure).toBeNull();
    expect(withCa.response?.status).toBe(200);
  });

  it('holds a call made while settings load until they apply, and then uses the newest', async () => {
    const caPem = await loadCaFile(path.join(dir, 'ca.pem'));
    const transport = new HttpTransport();
    const later = (config: NetworkConfig, ms: number) => () =>
      new Promise<NetworkConfig>((r) => setTimeout(() => r(config), ms));
    try {
      // Settings without the CA load; a call is made; settings with it replace them meanwhile.
      void transport.configure(later(base, 30));
      const sent = transport.send(get(`${httpsUrl}/oauth2/token`), {
        timeoutSeconds: 10,
        step: 'api-call',
      });
      void transport.configure(later({ ...base, caPem }, 80));
      const out = await sent;
      expect(out.failure).toBeNull();
      expect(out.response?.status).toBe(200);
      // Applied: the next call goes at once, with them.
      const next = await transport.send(get(`${httpsUrl}/oauth2/token`), {
        timeoutSeconds: 10,
        step: 'api-call',
      });
      expect(next.response?.status).toBe(200);
    } finally {
      await transport.close();
    }
  });

  it('sends through a proxy given by URL, with its credentials, and the proxy sees the request', async () => {
    proxySaw.length = 0;
    proxyAuth.length = 0;
    const config = {
      ...base,
      proxyMode: 'url' as const,
      proxyUrl,
      proxyUsername: 'alice',
      proxyPassword: 'pw-1',
    };
    const plain = await sendWith(config, `${plainUrl}/api/external/members`);
    expect(plain.response?.bodyText).toContain('/api/external/members');
    expect(proxySaw).toContain(`CONNECT ${new URL(plainUrl).host}`);

    const caPem = await loadCaFile(path.join(dir, 'ca.pem'));
    const tls = await sendWith({ ...config, caPem }, `${httpsUrl}/oauth2/token`);
    expect(tls.response?.status).toBe(200);
    expect(proxySaw).toContain(`CONNECT ${new URL(httpsUrl).host}`);
    expect(proxyAuth).toContain(`Basic ${Buffer.from('alice:pw-1').toString('base64')}`);
  });

  it('takes the proxy from the environment when told to', async () => {
    proxySaw.length = 0;
    const saved = { ...process.env };
    process.env.HTTP_PROXY = proxyUrl;
    delete process.env.NO_PROXY;
    delete process.env.no_proxy;
    try {
      const out = await sendWith({ ...base, proxyMode: 'environment' }, `${plainUrl}/env`);
      expect(out.response?.status).toBe(200);
      expect(proxySaw).toContain(`CONNECT ${new URL(plainUrl).host}`);
    } finally {
      process.env = saved;
    }
  });

  it('connects without verification only when switched off, and says so', async () => {
    const transport = new HttpTransport();
    await transport.configure(async () => ({ ...base, tlsVerify: false }));
    expect(transport.tlsVerificationOff).toBe(true);
    const out = await transport.send(get(`${httpsUrl}/x`), {
      timeoutSeconds: 10,
      step: 'api-call',
    });
    expect(out.response?.status).toBe(200);
    await transport.close();
  });

  it('validates a CA file when it is chosen, naming the problem', async () => {
    writeFileSync(path.join(dir, 'not-pem.txt'), 'hello');
    await expect(loadCaFile(path.join(dir, 'not-pem.txt'))).rejects.toThrow(
      /holds no PEM certificate/,
    );
    await expect(loadCaFile(path.join(dir, 'missing.pem'))).rejects.toThrow(/no such file/);
    await expect(loadCaFile(path.join(dir, 'server.pem'))).rejects.toThrow(/not a CA certificate/);
    const broken = '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n';
    writeFileSync(path.join(dir, 'broken.pem'), broken);
    await expect(loadCaFile(path.join(dir, 'broken.pem'))).rejects.toThrow(WorkbenchInputError);
  });

  it('keeps the proxy password in the vault, never in the store, and applies settings to calls', async () => {
    const store = memoryStore();
    const vault = new MemoryVault(null);
    const transport = new HttpTransport();
    const settings = new SettingsService({ store, vault, http: transport });
    proxySaw.length = 0;
    const saved = await settings.update({
      network: { proxyMode: 'url', proxyUrl: proxyUrl.replace('://', '://bob:s3cret-proxy@') },
    });
    expect(saved.network).toMatchObject({
      proxyUrl,
      proxyUsername: 'bob',
      proxyPasswordSaved: true,
    });
    expect(JSON.stringify(store.get('settings'))).not.toContain('s3cret-proxy');
    expect(await vault.get('network:proxy-password')).toBe('s3cret-proxy');
    const out = await transport.send(get(`${plainUrl}/via-settings`), {
      timeoutSeconds: 10,
      step: 'api-call',
    });
    expect(out.response?.status).toBe(200);
    expect(proxySaw).toContain(`CONNECT ${new URL(plainUrl).host}`);
    await expect(
      settings.update({ network: { caFile: path.join(dir, 'nope.pem') } }),
    ).rejects.toThrow(/no such file/);
    await expect(settings.update({ network: { proxyMode: 'url', proxyUrl: '' } })).rejects.toThrow(
      /Proxy URL is required/,
    );
    await transport.close();
  });
});
