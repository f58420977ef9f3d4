import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyProfileFields } from '../../shared/profile';
import { openJsonFileStore } from '../services/data-store';
import { createSandbox, type Sandbox } from '../services/sandbox/sandbox-server';
import { TEST_SECRET, basicAuth } from '../services/sandbox/sandbox-test-helpers';
import { openWorkbench } from '../workbench';

// The real bin as a child process, on a data dir and keychain entries written by the app's own
// services (run inside the keyring session, as npm test does), against a sandbox on 127.0.0.1.

const run = promisify(execFile);
const bin = path.resolve('bin/token-workbench.mjs');
const WRONG = 'wrong-secret-for-the-cli';
let dir: string;
let sandbox: Sandbox;

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(...args: string[]): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, '--data-dir', dir, ...args], {
      timeout: 90_000,
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

/** Nothing a command prints or writes may hold a secret, a Basic value or a token. */
function expectNoSecret(text: string, ...tokens: string[]) {
  for (const s of [
    TEST_SECRET,
    WRONG,
    basicAuth('sandbox-basic', TEST_SECRET).slice(6),
    ...tokens,
  ]) {
    expect(text).not.toContain(s);
  }
  expect(text).not.toMatch(/eyJ[\w-]{10,}\.[\w-]{10,}\.[\w-]{10,}/);
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'cli-'));
  sandbox = await createSandbox({ clientSecret: TEST_SECRET });
  const { services } = await openWorkbench({
    dataDir: dir,
    store: openJsonFileStore(dir).store,
    host: 'browser',
    version: 'test',
  });
  if (services.vault.storage !== 'keychain') {
    throw new Error(
      `The CLI tests need the keyring session (see npm test): ${services.vault.problem}`,
    );
  }
  const profile = (name: string, clientId: string, scopes: string[], secret = TEST_SECRET) =>
    services.profiles.save({
      fields: { ...emptyProfileFields, name, baseUrl: sandbox.url, clientId, scopes },
      clientSecret: secret,
    });
  await profile('Good', 'sandbox-basic', ['team.user-group-info:read']);
  await profile('No permission', 'sandbox-no-permission', [
    'team.user-group-info:read',
    'team.login-history:read',
  ]);
  await profile('Wrong secret', 'sandbox-basic', ['team.user-group-info:read'], WRONG);
  await services.close();
}, 60_000);

afterAll(async () => {
  await sandbox?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('token-workbench (the real bin)', () => {
  it('profiles: a table by team, client IDs masked', async () => {
    const r = await cli('profiles');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^TEAM\s+PROFILE\s+CLIENT ID/);
    for (const name of ['Good', 'No permission', 'Wrong secret']) expect(r.stdout).toContain(name);
    expect(r.stdout).toContain('sa…ic');
    expect(r.stdout).not.toContain('sandbox-basic');
  }, 90_000);

  it('token piped into real curl calls the API', async () => {
    const script = `curl -s -H "Authorization: Bearer $("${process.execPath}" "${bin}" --data-dir "${dir}" token Good)" ${sandbox.url}/api/external/members`;
    const { stdout } = await run('sh', ['-c', script], { timeout: 90_000 });
    const body = JSON.parse(stdout) as { content: unknown[] };
    expect(body.content.length).toBeGreaterThan(0);
  }, 90_000);

  it('token --json: the response, and on a pipe the access token only there', async () => {
    const r = await cli('token', 'Good', '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(json.token_type).toBe('Bearer');
    expect(typeof json.access_token).toBe('string');
    expectNoSecret(r.stderr);
  }, 90_000);

  it('token for a wrong secret: exit 1, the finding, no secret', async () => {
    const r = await cli('token', 'Wrong secret');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Token request for profile "Wrong secret" failed');
    expect(r.stderr).toContain('invalid_client');
    expectNoSecret(r.stderr);
  }, 90_000);

  it('call: body on stdout, status on stderr; --diagnose names the permission', async () => {
    const ok = await cli('call', 'Good', '/api/external/members?pageSize=2');
    expect(ok.code).toBe(0);
    expect((JSON.parse(ok.stdout) as { pageSize: number }).pageSize).toBe(2);
    expect(ok.stderr).toMatch(/^HTTP 200 OK/m);
    const denied = await cli(
      'call',
      'No permission',
      '/api/external/authentication-events',
      '--diagnose',
    );
    expect(denied.code).toBe(1);
    expect(denied.stderr).toMatch(/^HTTP 403/m);
    expect(denied.stderr).toContain('Admin & Settings > Permissions');
    expectNoSecret(ok.stderr + denied.stdout + denied.stderr);
  }, 90_000);

  it('check: exit 0 for a working client, one line per step, an HTML report without secrets', async () => {
    const report = path.join(dir, 'good.html');
    const r = await cli('check', 'Good', '--no-scope-probe', '--report', report);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n').filter((l) => /^[✔✘−?] /.test(l));
    expect(lines.map((l) => l.slice(2, 24).trim())).toEqual([
      'Team address',
      'Discovery',
      'Token endpoint',
      'Authentication method',
      'Token',
      'Token signature',
      'Scopes',
      'APIs',
    ]);
    expect(r.stdout).toContain('PASSED: Works for all 1 scope with a read-only preset.');
    const html = readFileSync(report, 'utf8');
    expect(html).toContain('<!doctype html>');
    expectNoSecret(r.stdout + r.stderr + html);
  }, 90_000);

  it('check: exit 1 for a missing permission, with a Markdown report scanned for secrets', async () => {
    const report = path.join(dir, 'denied.md');
    const r = await cli('check', 'No permission', '--no-scope-probe', '--report', report);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      'FAILED: Works for 1 of 2 scopes: team.login-history:read has no permission',
    );
    const md = readFileSync(report, 'utf8');
    expect(md).toContain('| Client ID | sa…on |');
    expect(md).not.toContain('sandbox-no-permission');
    expectNoSecret(md);
  }, 90_000);

  it('on a terminal: no token without --show, and the check shows its progress line', async () => {
    // script(1) gives the command a pseudo-terminal as stdout.
    const onTty = async (...args: string[]) => {
      const cmd = [process.execPath, bin, '--data-dir', dir, ...args]
        .map((a) => `'${a}'`)
        .join(' ');
      const { stdout } = await run('script', ['-qec', cmd, '/dev/null'], { timeout: 90_000 });
      return stdout;
    };
    const token = await onTty('token', 'Good');
    expect(token).toContain('The token is not printed on a terminal');
    expectNoSecret(token);
    const shown = await onTty('token', 'Good', '--show');
    expect(shown).toMatch(/eyJ[\w-]+\.[\w-]+\.[\w-]+/);
    const check = await onTty('check', 'Good', '--no-scope-probe');
    expect(check).toContain('\r\x1b[K… Team address');
    expect(check).toContain('PASSED: Works for all 1 scope');
  }, 90_000);

  it('check: exit 2 naming the profile or the argument', async () => {
    const missing = await cli('check', 'Nope');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('No profile named "Nope"');
    const badReport = await cli('check', 'Good', '--report', path.join(dir, 'r.txt'));
    expect(badReport.code).toBe(2);
    expect(badReport.stderr).toContain('--report');
    const noArg = await cli('check');
    expect(noArg.code).toBe(2);
    expect(noArg.stderr).toContain("missing required argument 'profile'");
  }, 90_000);
});
