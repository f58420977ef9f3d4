import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from './index';
import { TEST_SECRET, TestBrowser, firstForm } from './sandbox-test-helpers';
import { restyleInteractionHtml } from './sandbox-pages';

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ clientSecret: TEST_SECRET });
});

afterAll(async () => {
  await sandbox?.close();
});

describe('sandbox sign-in and consent pages', () => {
  it('are labelled Sandbox, styled like the app, without the DEBUG block, and still work', async () => {
    const redirectUri = 'http://127.0.0.1:53682/callback';
    const atCallback = (location: URL) => location.href.startsWith(redirectUri);
    const browser = new TestBrowser();
    const params = new URLSearchParams({
      client_id: 'sandbox-public',
      response_type: 'code',
      redirect_uri: redirectUri,
      scope: 'openid audit.log:read',
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      code_challenge_method: 'S256',
    });
    const login = await browser.navigate(
      `${sandbox.url}/oauth2/authorize?${params}`,
      undefined,
      atCallback,
    );
    expect(login.html).toContain('<span class="sandbox-label">Sandbox</span>');
    expect(login.html).not.toContain('DEBUG information');
    expect(login.html).not.toContain('fonts.googleapis.com');
    expect(login.html).toContain('Token Workbench sandbox');
    expect(firstForm(login.html)?.inputs).toEqual(['login', 'password']);
    const end = await browser.signInAndConsent(login, atCallback);
    expect(end.url.searchParams.get('code')).toBeTruthy();
  });

  it('restyling leaves a page without the stock parts alone', () => {
    const html = '<!DOCTYPE html><html lang="en"><body><p>x</p></body></html>';
    expect(restyleInteractionHtml(html)).toContain('<p>x</p>');
  });
});
