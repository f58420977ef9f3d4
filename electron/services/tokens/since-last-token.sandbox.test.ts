import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openJsonFileStore } from '../data-store';
import { MemoryVault } from '../secret-vault';
import { createServices } from '../services';
import {
  MEMBERS,
  pickProfileFields,
  sandboxProfile,
  useCheckRig,
} from '../client-check/check-test-helpers';

// The sandbox as a user meets it: a token, then a change on this side or on the server's, then
// Get token again. The refusal's first finding names what changed since that token, or that
// nothing did (so the client changed on the server); the history entry keeps the same finding.

const rig = useCheckRig();
let n = 0;
const getToken = (id: string) => rig.services.tokens.getToken(id, `since-${n++}`);

describe('what changed since the last token, on the sandbox', () => {
  it('method switched after a token: the first finding says to set it back, and history keeps it', async () => {
    const id = await sandboxProfile(rig.services, { clientId: 'sandbox-basic', scopes: [MEMBERS] });
    expect((await getToken(id)).token).not.toBeNull();
    const profile = rig.services.profiles.get(id);
    await rig.services.profiles.save({
      id,
      fields: { ...pickProfileFields(profile), authMethod: 'client_secret_post' },
    });
    const r = await getToken(id);
    expect(r.failure?.error).toBe('invalid_client');
    const first = r.diagnosis?.[0];
    expect(first?.id).toBe('token.changed-since-token');
    expect(first?.title).toMatch(
      /^This profile got a token \d+ s before this call; since then Authentication method changed$/,
    );
    expect(first?.fix).toContain('Set Authentication method back to client_secret_basic.');
    const entry = rig.services.history.get(r.callId!);
    expect(entry?.diagnosis[0]?.id).toBe('token.changed-since-token');
  });

  it('secret regenerated on the server, nothing changed here: the first finding says so', async () => {
    const id = await sandboxProfile(rig.services, {
      clientId: 'sandbox-rotating',
      scopes: [MEMBERS],
    });
    expect((await getToken(id)).token).not.toBeNull();
    const sandbox = await rig.services.sandbox.ensureStarted();
    const fresh = sandbox.regenerateClientSecret('sandbox-rotating');
    const r = await getToken(id);
    expect(r.failure?.error).toBe('invalid_client');
    expect(r.diagnosis?.[0]?.id).toBe('token.unchanged-since-token');
    expect(r.diagnosis?.[0]?.fix).toMatch(/secret was regenerated/);
    // The new secret saved: a token, and it becomes the one later calls are compared with.
    const profile = rig.services.profiles.get(id);
    await rig.services.profiles.save({
      id,
      fields: pickProfileFields(profile),
      clientSecret: fresh,
    });
    const again = await getToken(id);
    expect(again.token).not.toBeNull();
    expect(JSON.stringify([r, again])).not.toContain(fresh);
  });
});

describe('what changed since the last token, after a restart', () => {
  it('the token came in an earlier run: read back from history, the method change is named, the sandbox port is not', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'twb-since-'));
    // One vault for both runs: the keychain outlives the app; the store and history are files.
    const vault = new MemoryVault(null);
    const open = () => createServices(openJsonFileStore(dir).store, vault);
    try {
      const first = open();
      const id = await sandboxProfile(first, { clientId: 'sandbox-basic', scopes: [MEMBERS] });
      expect((await first.tokens.getToken(id, 'run-1')).token).not.toBeNull();
      await first.close();

      const second = open();
      try {
        await second.sandbox.ensureStarted();
        const profile = second.profiles.get(id);
        await second.profiles.save({
          id,
          fields: { ...pickProfileFields(profile), authMethod: 'client_secret_post' },
        });
        const r = await second.tokens.getToken(id, 'run-2');
        expect(r.failure?.error).toBe('invalid_client');
        const first = r.diagnosis?.[0];
        expect(first?.id).toBe('token.changed-since-token');
        expect(first?.title).toMatch(/since then Authentication method changed$/);
        expect(first?.evidence.map((e) => e.label)).toEqual([
          'last token for this profile (history)',
          'Authentication method',
        ]);
        expect(first?.fix).toContain('Set Authentication method back to client_secret_basic.');
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
