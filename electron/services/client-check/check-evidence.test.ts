import { describe, expect, it } from 'vitest';
import { EvidenceMasker } from './check-evidence';

const SECRET = 'z/tZ9 Vw%FZ+q:X2/8bL=';
const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzYW5kYm94In0.c2lnbmF0dXJlc2lnbmF0dXJl';

describe('EvidenceMasker', () => {
  it('masks known values in every encoding, Authorization headers, and tokens by shape', () => {
    const m = new EvidenceMasker();
    m.hide(SECRET);
    const x = m.exchange(
      'Token request',
      {
        method: 'POST',
        url: `https://t.example/oauth2/token?client_secret=${encodeURIComponent(SECRET)}`,
        headers: [
          ['Authorization', 'Basic c2FuZGJveDpzM2NyZXQ='],
          ['Cookie', 'session=abc'],
        ],
        body: {
          contentType: 'application/x-www-form-urlencoded',
          text: `grant_type=client_credentials&client_secret=${new URLSearchParams({ k: SECRET }).toString().slice(2)}`,
        },
      },
      {
        status: 200,
        statusText: 'OK',
        headers: [['content-type', 'application/json']],
        bodyText: `{"access_token":"${JWT}","note":"${SECRET}"}${'x'.repeat(5000)}`,
        size: 5100,
        truncated: false,
        contentType: 'application/json',
        timings: { totalMs: 3 },
      },
      null,
    );
    const text = JSON.stringify(x);
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(encodeURIComponent(SECRET));
    expect(text).not.toContain(JWT);
    expect(text).not.toContain('c2FuZGJveDpzM2NyZXQ=');
    expect(text).not.toContain('session=abc');
    expect(x.request?.headers[0]).toEqual(['Authorization', 'Basic ••••••']);
    expect(x.response?.body.length).toBeLessThanOrEqual(2001);
  });

  it('names a failure without its secret', () => {
    const m = new EvidenceMasker();
    m.hide(SECRET);
    const x = m.exchange('GET /', null, null, {
      step: 'connect',
      kind: 'dns',
      title: 'Name not resolved',
      message: `could not resolve ${SECRET}`,
      hint: '',
    });
    expect(x.failure).toBe('Name not resolved: could not resolve ••••••');
  });
});
