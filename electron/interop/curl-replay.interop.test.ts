import { describe, expect, it } from 'vitest';
import { MASK } from '../../shared/mask';
import { replayCurl } from './curl-replay';
import { peers, usePeer } from './interop-peers';

// Copy as curl for each grant, pasted into bash and run with the real /usr/bin/curl against the
// same third-party server: the command must get what the app got.

const formEncode = (v: string) => new URLSearchParams({ k: v }).toString().slice(2);

describe.each(peers)(
  'Copy as curl replayed with real curl against $peer',
  ({ start, supports }) => {
    const ctx = usePeer(start);

    const copy = (callId: string | undefined, includeSecrets: boolean) => {
      if (!callId) throw new Error('the result carries no callId');
      return ctx.app.call('copyAsCurl', { callId, includeSecrets });
    };

    const cases = [
      {
        label: 'plain client, client_secret_basic RFC 6749',
        client: 'plain',
        authMethod: 'client_secret_basic',
        basicEncoding: 'rfc6749',
      },
      {
        label: 'plain client, client_secret_basic raw',
        client: 'plain',
        authMethod: 'client_secret_basic',
        basicEncoding: 'raw',
      },
      {
        label: 'plain client, client_secret_post',
        client: 'plain',
        authMethod: 'client_secret_post',
        basicEncoding: 'rfc6749',
      },
      {
        label: 'client ID with : and /, client_secret_post',
        client: 'special',
        authMethod: 'client_secret_post',
        basicEncoding: 'rfc6749',
      },
    ] as const;

    it.each(cases)(
      'client credentials, $label, with secrets: the replay gets a token',
      async (c) => {
        const { server, app } = ctx;
        const client = server.clients[c.client];
        const p = await app.profile(server, client, {
          tokenUrl: server.tokenUrl,
          authMethod: c.authMethod,
          basicEncoding: c.basicEncoding,
        });
        const r = await app.getToken(p.id);
        expect(r.failure).toBeNull();
        const exported = await copy(r.callId, true);
        expect(exported.includesSecrets).toBe(true);
        expect(exported.command).not.toContain(MASK);
        const replay = await replayCurl(exported.command);
        expect(replay.status).toBe(200);
        expect(replay.json?.access_token).toBeTruthy();
      },
    );

    const encodings = (['rfc6749', 'raw'] as const).map((basicEncoding) => ({
      basicEncoding,
      outcome: supports.specialBasic[basicEncoding]
        ? 'the replay sends the same credentials and gets a token'
        : 'this server cannot decode such Basic credentials, and the replay gets the same invalid_client as the app',
    }));

    it.each(encodings)(
      'client ID with : and /, Basic $basicEncoding, with secrets: $outcome',
      async ({ basicEncoding }) => {
        const { server, app } = ctx;
        const { id, secret } = server.clients.special;
        const p = await app.profile(server, server.clients.special, {
          tokenUrl: server.tokenUrl,
          basicEncoding,
        });
        const r = await app.getToken(p.id);
        const exported = await copy(r.callId, true);
        const replay = await replayCurl(exported.command);
        // What curl sends decodes to the very credentials the app sent.
        const sent = replay.sentHeaders.find((h) => /^authorization: basic /i.test(h)) ?? '';
        const decoded = Buffer.from(sent.replace(/^authorization: basic /i, ''), 'base64');
        const pair =
          basicEncoding === 'raw' ? `${id}:${secret}` : `${formEncode(id)}:${formEncode(secret)}`;
        expect(decoded.toString('utf8')).toBe(pair);
        if (!supports.specialBasic[basicEncoding]) {
          expect(r.failure?.error).toBe('invalid_client');
          expect(replay.json?.error).toBe('invalid_client');
          return;
        }
        expect(replay.json?.access_token).toBeTruthy();
      },
    );

    it('client credentials with variables: $CLIENT_SECRET set in the shell, the replay gets a token', async () => {
      const { server, app } = ctx;
      const p = await app.profile(server, server.clients.plain, { tokenUrl: server.tokenUrl });
      const r = await app.getToken(p.id);
      const exported = await copy(r.callId, false);
      expect(exported.command).not.toContain(server.clients.plain.secret);
      expect(exported.variables.map((v) => v.name)).toEqual(['CLIENT_SECRET']);
      const replay = await replayCurl(exported.command, {
        CLIENT_SECRET: server.clients.plain.secret,
      });
      expect(replay.json?.access_token).toBeTruthy();
    });

    it('client ID with : and /, raw Basic, with variables ($CLIENT_SECRET set): the header curl sends decodes to the same id:secret the app sent', async () => {
      const { server, app } = ctx;
      const { id, secret } = server.clients.special;
      const p = await app.profile(server, server.clients.special, {
        tokenUrl: server.tokenUrl,
        basicEncoding: 'raw',
      });
      const r = await app.getToken(p.id);
      const exported = await copy(r.callId, false);
      expect(exported.command).not.toContain(secret);
      const replay = await replayCurl(exported.command, { CLIENT_SECRET: secret });
      const sent = replay.sentHeaders.find((h) => /^authorization: basic /i.test(h)) ?? '';
      expect(
        Buffer.from(sent.replace(/^authorization: basic /i, ''), 'base64').toString('utf8'),
      ).toBe(`${id}:${secret}`);
    });

    it('authorization code: the exchange command carries the real code and verifier (the code is single-use, so the server refuses the replay); the refresh command gets a token', async () => {
      const { server, app } = ctx;
      const p = await app.profile(server, server.clients.plain, {
        grantType: 'authorization_code',
        tokenUrl: server.tokenUrl,
      });
      const { visit, result } = await app.authorize(p.id);
      expect(result.failure).toBeNull();
      const code = visit.callback?.searchParams.get('code') ?? '';
      expect(code).not.toBe('');

      const exchange = await copy(result.callId, true);
      expect(exchange.command).not.toContain(MASK);
      expect(exchange.command).toContain(`code=${formEncode(code)}&`);
      const verifier = /code_verifier=([A-Za-z0-9._~-]+)/.exec(exchange.command)?.[1] ?? '';
      expect(verifier).toMatch(/^[A-Za-z0-9._~-]{43,128}$/);
      const replayedExchange = await replayCurl(exchange.command);
      expect(replayedExchange.json?.access_token).toBeUndefined();
      expect(replayedExchange.status).toBeGreaterThanOrEqual(400);

      const refreshed = await app.refresh(p.id);
      expect(refreshed.failure).toBeNull();
      const refresh = await copy(refreshed.callId, true);
      expect(refresh.command).not.toContain(MASK);
      expect(refresh.command).not.toContain(
        `refresh_token=${formEncode(server.clients.plain.secret)}`,
      );
      const replayedRefresh = await replayCurl(refresh.command);
      expect(replayedRefresh.status).toBe(200);
      expect(replayedRefresh.json?.access_token).toBeTruthy();
    });
  },
);
