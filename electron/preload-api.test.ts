import { describe, expect, it } from 'vitest';
import { ipcChannel, operationNames } from '../shared/operations';
import { buildPreloadApi } from './preload-api';

describe('preload API', () => {
  it('has one named method per operation, each invoking its own channel, and nothing else', async () => {
    const calls: [string, unknown][] = [];
    const api = buildPreloadApi(async (channel, input) => {
      calls.push([channel, input]);
      return { ok: true, value: null };
    });
    expect(Object.keys(api).sort()).toEqual([...operationNames].sort());
    expect(Object.isFrozen(api)).toBe(true);
    await api.getToken({ profileId: 'p', requestId: 'r1234567' });
    expect(calls).toEqual([[ipcChannel('getToken'), { profileId: 'p', requestId: 'r1234567' }]]);
    expect('invoke' in api).toBe(false);
  });
});
