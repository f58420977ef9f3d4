import type { WorkbenchTransport } from '../shared/contract';
import { ipcChannel, operationNames } from '../shared/operations';

/** One named method per operation, each invoking its own channel. No raw ipcRenderer escapes. */
export function buildPreloadApi(
  invoke: (channel: string, input: unknown) => Promise<unknown>,
): WorkbenchTransport {
  const api: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const name of operationNames) {
    api[name] = (input: unknown) => invoke(ipcChannel(name), input);
  }
  return Object.freeze(api) as unknown as WorkbenchTransport;
}
