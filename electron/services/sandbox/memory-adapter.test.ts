import { expect, it } from 'vitest';
import { createMemoryAdapter } from './memory-adapter';

it('stores, expires, indexes and revokes by grant', async () => {
  let now = 1_000_000;
  const adapterFor = createMemoryAdapter(() => now);
  const codes = adapterFor('DeviceCode');
  const refresh = adapterFor('RefreshToken');
  const sessions = adapterFor('Session');

  await codes.upsert('d1', { userCode: 'ABCD-EFGH', grantId: 'g1' }, 10);
  await refresh.upsert('r1', { grantId: 'g1' });
  await sessions.upsert('s1', { uid: 'u1' }, 60);

  expect(await codes.findByUserCode('ABCD-EFGH')).toMatchObject({ grantId: 'g1' });
  expect(await sessions.findByUid('u1')).toMatchObject({ uid: 'u1' });
  expect(await refresh.find('d1')).toBeUndefined();

  await codes.consume('d1');
  expect((await codes.find('d1'))?.consumed).toBe(1000);

  now += 11_000;
  expect(await codes.find('d1')).toBeUndefined();
  expect(await codes.findByUserCode('ABCD-EFGH')).toBeUndefined();
  expect(await refresh.find('r1')).toBeDefined();

  await refresh.revokeByGrantId('g1');
  expect(await refresh.find('r1')).toBeUndefined();

  await sessions.destroy('s1');
  expect(await sessions.findByUid('u1')).toBeUndefined();
});
