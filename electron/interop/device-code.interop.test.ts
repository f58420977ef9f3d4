import { describe, expect, it } from 'vitest';
import { peers, usePeer } from './interop-peers';

// None of the three packages implements the device authorization grant (RFC 8628). The app
// must say so before it sends any token request, in words that match what discovery found.

describe.each(peers)('device code against $peer', ({ start }) => {
  const ctx = usePeer(start);

  it('this server has no device authorization endpoint: Start says so and nothing is sent', async () => {
    const { server, app } = ctx;
    const p = await app.profile(server, server.clients.plain, { grantType: 'device_code' });
    const before = (await app.call('listHistory', {})).length;
    const started = app.call('startDeviceAuthorization', {
      profileId: p.id,
      requestId: app.requestId('device'),
    });
    await expect(started).rejects.toThrow(/device_authorization_endpoint/);
    if (server.discovery === 'none') {
      // No document was found, so the message must not speak of one.
      await expect(started).rejects.toThrow(/no discovery document/i);
    }
    expect((await app.call('listHistory', {})).length).toBe(before);
  });
});
