// The zod schema of the open tabs (see workspace-tabs.ts), for the contract and the state the
// main process keeps. Kept apart so that the renderer loads no zod.
import { z } from 'zod';
import { MAX_TABS } from './workspace-tabs';

const id = z.string().min(1).max(100);
export const tabRefSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('profile'), profileId: id }).strict(),
  z
    .object({ kind: z.literal('request'), profileId: id, tabId: id, savedRequestId: id.nullable() })
    .strict(),
  z.object({ kind: z.literal('new-profile') }).strict(),
]);
export const tabsStateSchema = z
  .object({ tabs: z.array(tabRefSchema).max(MAX_TABS), active: z.string().max(300).nullable() })
  .strict();
