import { describe, expect, it } from 'vitest';
import { memoryStore } from './data-store';
import { HistoryService, maskTokenFields, type NewHistoryEntry } from './history-service';

const SECRET = 'z/tZ9VwFZqApmIQ+ZH1I5pLk/uB4ud:X2/8bL+wfFTt1rFw=';
const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzYW5kYm94In0.c2lnbmF0dXJl';

function tokenCall(at = 0): NewHistoryEntry {
  return {
    profileId: 'p1',
    profileName: 'Acme',
    kind: 'token',
    method: 'POST',
    url: 'https://acme.eu-1.celonis.cloud/oauth2/token',
    status: 200,
    outcome: 'ok',
    durationMs: 80 + at,
    request: {
      method: 'POST',
      url: 'https://acme.eu-1.celonis.cloud/oauth2/token',
      headers: [['Authorization', `Basic ${Buffer.from(`id:${SECRET}`).toString('base64')}`]],
      body: {
        contentType: 'application/x-www-form-urlencoded',
        text: `grant_type=client_credentials&client_secret=${encodeURIComponent(SECRET)}`,
      },
    },
    response: {
      status: 200,
      statusText: 'OK',
      headers: [['content-type', 'application/json']],
      bodyText: `{"access_token":"${TOKEN}","refresh_token":"r-123456","token_type":"Bearer","expires_in":899}`,
      size: 100,
      truncated: false,
      contentType: 'application/json',
      timings: { totalMs: 80 },
    },
    failure: null,
    diagnosis: [],
    resend: null,
  };
}

describe('history', () => {
  it('persists newest first with no secret and no token in clear', () => {
    const store = memoryStore();
    const history = new HistoryService(store, () => 30);
    history.add(tokenCall(), [SECRET, TOKEN]);
    history.add({ ...tokenCall(1), url: 'second' }, [SECRET, TOKEN]);
    const persisted = JSON.stringify(store.get('history'));
    for (const needle of [SECRET, encodeURIComponent(SECRET), TOKEN, 'r-123456']) {
      expect(persisted).not.toContain(needle);
    }
    expect(history.list().map((e) => e.url)).toEqual([
      'second',
      'https://acme.eu-1.celonis.cloud/oauth2/token',
    ]);
    const entry = history.get(history.list()[1]?.id ?? '');
    expect(entry?.request?.headers[0]).toEqual(['Authorization', 'Basic ••••••']);
    expect(entry?.response?.bodyText).toContain('"access_token":"••••••"');
  });

  it('keeps the retention period and clears', () => {
    let now = 0;
    const store = memoryStore();
    const history = new HistoryService(
      store,
      () => 1,
      () => now,
    );
    history.add(tokenCall(), []);
    now = 2 * 24 * 3600 * 1000;
    history.add(tokenCall(), []);
    expect(history.list()).toHaveLength(1);
    expect(history.clear()).toBe(1);
    expect(history.list()).toEqual([]);
  });

  it('masks token members of any JSON body', () => {
    expect(maskTokenFields('{"id_token": "a.b.c", "scope":"x"}')).toBe(
      '{"id_token": "••••••", "scope":"x"}',
    );
  });
});
