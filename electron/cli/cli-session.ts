import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Inputs, Results } from '../../shared/contract';
import type { OperationName } from '../../shared/operations';
import { dispatch, type Handlers } from '../handlers';
import { defaultDataDir } from '../launch-options';
import { openJsonFileStore } from '../services/data-store';
import type { Services } from '../services/services';
import { openWorkbench } from '../workbench';
import { CliUsageError } from './cli-io';

declare const __APP_VERSION__: string;

export const APP_VERSION = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'dev';

/** The same services as the app, on the same data dir and keychain entries, driven by the handler table. */
export interface CliSession {
  services: Services;
  call<K extends OperationName>(name: K, input: Inputs[K]): Promise<Results[K]>;
  close(): Promise<void>;
}

export function resolveDataDir(option: string | undefined, env: NodeJS.ProcessEnv): string {
  return path.resolve(option ?? env.TOKEN_WORKBENCH_DATA_DIR ?? defaultDataDir());
}

export async function openSession(dataDir: string): Promise<CliSession> {
  if (!existsSync(dataDir)) {
    throw new CliUsageError(
      `--data-dir ${dataDir} does not exist: start the app once, or pass the data dir it uses.`,
    );
  }
  const opened = openJsonFileStore(dataDir);
  const { services, handlers } = await openWorkbench({
    dataDir,
    store: opened.store,
    storeNotices: opened.notices,
    host: 'browser',
    version: APP_VERSION,
  });
  return {
    services,
    call: (name, input) => callHandler(handlers, name, input),
    close: async () => {
      await services.close();
      await services.http.close();
    },
  };
}

async function callHandler<K extends OperationName>(
  handlers: Handlers,
  name: K,
  input: Inputs[K],
): Promise<Results[K]> {
  const envelope = await dispatch(handlers, name, input);
  if (!envelope.ok) throw new CliUsageError(envelope.error.message);
  return envelope.value;
}
