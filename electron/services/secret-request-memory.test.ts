import { describe, expect, it } from 'vitest';
import type { SecretWireRequest } from '../../shared/structured-wire';
import { KEPT_REQUESTS, SecretRequestMemory } from './secret-request-memory';

const request = (n: number) =>
  ({ url: `https://acme.example/oauth2/token?n=${n}` }) as unknown as SecretWireRequest;

describe('requests kept for Copy as curl with secrets', () => {
  it('keeps the newest calls and lets the oldest go first', () => {
    const memory = new SecretRequestMemory();
    for (let n = 0; n < KEPT_REQUESTS * 3 + 7; n++) memory.keep(`call-${n}`, request(n));
    expect(memory.size).toBe(KEPT_REQUESTS);
    const newest = KEPT_REQUESTS * 3 + 6;
    expect(memory.get(`call-${newest}`)).toEqual(request(newest));
    expect(memory.get(`call-${newest - KEPT_REQUESTS + 1}`)).toEqual(
      request(newest - KEPT_REQUESTS + 1),
    );
    expect(memory.get(`call-${newest - KEPT_REQUESTS}`)).toBeNull();
    expect(memory.get('call-0')).toBeNull();
  });

  it('keeps a call kept again once, with its newer request', () => {
    const memory = new SecretRequestMemory();
    memory.keep('call-a', request(1));
    memory.keep('call-a', request(2));
    for (let n = 0; n < KEPT_REQUESTS - 1; n++) memory.keep(`call-${n}`, request(n));
    expect(memory.size).toBe(KEPT_REQUESTS);
    expect(memory.get('call-a')).toEqual(request(2));
    memory.keep('call-next', request(3));
    expect(memory.get('call-a')).toBeNull();
    expect(memory.size).toBe(KEPT_REQUESTS);
  });
});
