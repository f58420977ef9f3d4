import { describe, expect, it } from 'vitest';
import { methodVerdict, methodVerdicts, scopeVerdict, type MethodAnswer } from './probe-verdicts';

const answer = (status: number | null, error: string | null, issued = false): MethodAnswer => ({
  status,
  error,
  issued,
});

describe('method probe verdicts say only what the answer shows', () => {
  it('a token is accepted, invalid_client and a bare 401 are rejected', () => {
    expect(methodVerdict(answer(200, null, true)).verdict).toBe('accepted');
    expect(methodVerdict(answer(401, 'invalid_client')).verdict).toBe('rejected');
    expect(methodVerdict(answer(401, null)).verdict).toBe('rejected');
  });

  it('unsupported_grant_type is not proof that the client authenticated', () => {
    const v = methodVerdict(answer(400, 'unsupported_grant_type'));
    expect(v.verdict).toBe('undecided');
    expect(v.detail).toContain('does not show that the client authenticated');
  });

  it.each(['invalid_scope', 'unauthorized_scope'])('%s is not a method rejection', (error) => {
    const v = methodVerdict(answer(400, error));
    expect(v.verdict).toBe('undecided');
    expect(v.detail).toContain('not a rejection of the method');
  });

  it('unauthorized_client names an authenticated client (RFC 6749 §5.2)', () => {
    expect(methodVerdict(answer(400, 'unauthorized_client')).verdict).toBe('accepted');
  });

  it('no answer, a 500 or an unknown error: undecided, with why', () => {
    expect(methodVerdict(answer(null, null))).toEqual({
      verdict: 'undecided',
      detail: 'No answer from the server, so nothing is known.',
    });
    expect(methodVerdict(answer(500, null)).verdict).toBe('undecided');
    expect(methodVerdict(answer(400, 'invalid_request')).verdict).toBe('undecided');
  });
});

describe('method verdicts compared across the methods tried', () => {
  it('invalid_client for one method and invalid_scope for another: the other authenticated', () => {
    const [rfc, raw, post] = methodVerdicts([
      answer(401, 'invalid_client'),
      answer(401, 'invalid_client'),
      answer(400, 'invalid_scope'),
    ]);
    expect(rfc?.verdict).toBe('rejected');
    expect(raw?.verdict).toBe('rejected');
    expect(post?.verdict).toBe('accepted');
    expect(post?.detail).toContain('invalid_scope');
  });

  it('the same grant error for every method is about the request, not the method', () => {
    const all = methodVerdicts([
      answer(400, 'unsupported_grant_type'),
      answer(400, 'unsupported_grant_type'),
      answer(400, 'unsupported_grant_type'),
    ]);
    expect(all.map((v) => v.verdict)).toEqual(['undecided', 'undecided', 'undecided']);
    expect(all[0]?.detail).toContain('Every method got the same answer');
  });

  it('invalid_request stays undecided even beside invalid_client', () => {
    const [, post] = methodVerdicts([
      answer(401, 'invalid_client'),
      answer(400, 'invalid_request'),
    ]);
    expect(post?.verdict).toBe('undecided');
  });

  it('a token for one method and invalid_client for the others', () => {
    expect(
      methodVerdicts([
        answer(200, null, true),
        answer(401, 'invalid_client'),
        answer(401, 'invalid_client'),
      ]).map((v) => v.verdict),
    ).toEqual(['accepted', 'rejected', 'rejected']);
  });
});

describe('a refusal beside a token', () => {
  it('invalid_request where another method got a token is a rejection of this method', () => {
    const [rfc, raw] = methodVerdicts([answer(200, null, true), answer(400, 'invalid_request')]);
    expect(rfc?.verdict).toBe('accepted');
    expect(raw?.verdict).toBe('rejected');
    expect(raw?.detail).toContain('another method got a token');
  });
});

describe('a server that checks no secret', () => {
  it('a token for the wrong-secret control request makes every method undecided', () => {
    const all = methodVerdicts(
      [answer(200, null, true), answer(200, null, true), answer(200, null, true)],
      answer(200, null, true),
    );
    expect(all.map((v) => v.verdict)).toEqual(['undecided', 'undecided', 'undecided']);
    expect(all[0]?.detail).toContain('wrong secret');
  });

  it('a refused control request changes nothing', () => {
    const all = methodVerdicts(
      [answer(200, null, true), answer(401, 'invalid_client')],
      answer(401, 'invalid_client'),
    );
    expect(all.map((v) => v.verdict)).toEqual(['accepted', 'rejected']);
  });
});

describe('scope verdicts', () => {
  it('rejected only when the server refused the scope', () => {
    expect(scopeVerdict('a', { issued: false, grantedScopes: null, error: 'invalid_scope' })).toBe(
      'rejected',
    );
    expect(
      scopeVerdict('a', { issued: false, grantedScopes: null, error: 'unauthorized_scope' }),
    ).toBe('rejected');
  });

  it('the client did not authenticate, or no answer: undecided', () => {
    expect(scopeVerdict('a', { issued: false, grantedScopes: null, error: 'invalid_client' })).toBe(
      'undecided',
    );
    expect(scopeVerdict('a', { issued: false, grantedScopes: null, error: null })).toBe(
      'undecided',
    );
  });

  it('granted and dropped as the token says', () => {
    expect(scopeVerdict('a', { issued: true, grantedScopes: ['b'], error: null })).toBe('dropped');
    expect(scopeVerdict('a', { issued: true, grantedScopes: null, error: null })).toBe('granted');
  });
});
