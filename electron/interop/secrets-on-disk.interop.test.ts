import { describe, expect, it } from 'vitest';
import { peers, usePeer } from './interop-peers';

// After a session against a third-party server (every grant, a failure, both probes, Copy as
// curl with secrets), nothing secret is in any file of the data dir: no client secret in any
// encoding, no authorization code, no refresh token, no access token.

const formEncode = (v: string) => new URLSearchParams({ k: v }).toString().slice(2);

describe.each(peers)('nothing secret on disk after a session against $peer', ({ start }) => {
  const ctx = usePeer(start);

  it('store and history hold no secret, code, refresh token or access token', async () => {
    const { server, app } = ctx;
    const { plain, special } = server.clients;
    const secrets = new Set<string>();
    const note = (value: string | null | undefined) => {
      if (value && value.length >= 8) secrets.add(value);
    };
    for (const c of [plain, special]) {
      note(c.secret);
      note(formEncode(c.secret));
      note(Buffer.from(`${c.id}:${c.secret}`).toString('base64'));
      note(Buffer.from(`${formEncode(c.id)}:${formEncode(c.secret)}`).toString('base64'));
    }

    const basic = await app.profile(server, plain, { tokenUrl: server.tokenUrl });
    const post = await app.profile(server, special, {
      tokenUrl: server.tokenUrl,
      authMethod: 'client_secret_post',
    });
    for (const p of [basic, post]) {
      const r = await app.getToken(p.id);
      note(r.token?.accessToken);
      if (r.callId) await app.call('copyAsCurl', { callId: r.callId, includeSecrets: true });
    }
    const wrong = await app.profile(
      server,
      plain,
      { tokenUrl: server.tokenUrl },
      'wrong-secret-on-disk-1',
    );
    note('wrong-secret-on-disk-1');
    await app.getToken(wrong.id);

    const code = await app.profile(server, plain, { grantType: 'authorization_code' });
    const { visit, result } = await app.authorize(code.id);
    expect(result.failure).toBeNull();
    note(visit.callback?.searchParams.get('code'));
    note(result.token?.accessToken);
    const refreshed = await app.refresh(code.id);
    note(refreshed.token?.accessToken);
    if (refreshed.callId) {
      await app.call('copyAsCurl', { callId: refreshed.callId, includeSecrets: true });
    }
    await app.call('probeAuthMethods', { profileId: basic.id, requestId: app.requestId('m') });
    await app.call('probeScope', {
      profileId: basic.id,
      requestId: app.requestId('s'),
      scopes: [server.scopes.allowed[0] ?? ''],
    });
    for (const t of server.issuedRefreshTokens) note(t);
    expect(server.issuedRefreshTokens.length).toBeGreaterThan(0);

    const files = app.filesOnDisk();
    expect(files.size).toBeGreaterThan(0);
    const leaks: string[] = [];
    for (const [file, text] of files) {
      for (const secret of secrets) {
        if (text.includes(secret)) leaks.push(`${file} holds ${secret.slice(0, 4)}…`);
      }
    }
    expect(leaks).toEqual([]);
  });
});
