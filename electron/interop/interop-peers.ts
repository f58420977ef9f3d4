import { afterAll, beforeAll } from 'vitest';
import type { InteropServer } from './interop-fixture';
import { jmondiSupports, startJmondiServer } from './jmondi-server';
import { mockSupports, startMockServer } from './mock-server';
import { nodeOauthSupports, startNodeOauthServer } from './node-oauth-server';
import { Workbench } from './workbench-harness';

/** The three authorization servers nobody here wrote, by the name the tests use. */
export const peers = [
  { peer: 'oauth2-mock-server', start: startMockServer, supports: mockSupports },
  { peer: '@node-oauth/oauth2-server', start: startNodeOauthServer, supports: nodeOauthSupports },
  { peer: '@jmondi/oauth2-server', start: startJmondiServer, supports: jmondiSupports },
] as const;

/** Starts the peer and a workbench before the describe block's tests, stops both after. */
export function usePeer(start: () => Promise<InteropServer>) {
  const ctx = {} as { server: InteropServer; app: Workbench };
  beforeAll(async () => {
    ctx.server = await start();
    ctx.app = new Workbench();
  });
  afterAll(async () => {
    await ctx.app?.close();
    await ctx.server?.stop();
  });
  return ctx;
}
