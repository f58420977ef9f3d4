import type { Envelope, WorkbenchApi, WorkbenchTransport } from '../shared/contract';
import { operationNames } from '../shared/operations';
import type { OperationName } from '../shared/operations';
import { takeLaunchKey } from './launch-key';
import { createRpcTransport, LaunchKeyRejectedError } from './rpc-transport';

/** The main process refused a call; `field` names the input field when it is about one. */
export class WorkbenchCallError extends Error {
  override readonly name = 'WorkbenchCallError';
  constructor(
    message: string,
    readonly field: string | undefined,
    readonly operation: OperationName,
  ) {
    super(message);
  }
}

/** Unwraps a transport's envelopes: the value on success, a `WorkbenchCallError` otherwise. */
export function createWorkbenchApi(transport: WorkbenchTransport): WorkbenchApi {
  const api: Partial<Record<OperationName, (input: unknown) => Promise<unknown>>> = {};
  for (const name of operationNames) {
    api[name] = async (input) => {
      const method = transport[name] as (input: unknown) => Promise<Envelope<unknown>>;
      const envelope = await method.call(transport, input);
      if (envelope.ok) return envelope.value;
      throw new WorkbenchCallError(envelope.error.message, envelope.error.field, name);
    };
  }
  return api as unknown as WorkbenchApi;
}

/** Why the page cannot talk to a host at all (shown as a full-page message). */
export type LaunchProblem = 'no-key' | null;

function refusingTransport(): WorkbenchTransport {
  const transport: Partial<Record<OperationName, () => Promise<never>>> = {};
  for (const name of operationNames) {
    transport[name] = () =>
      Promise.reject(new LaunchKeyRejectedError('This page was opened without a launch key.'));
  }
  return transport as unknown as WorkbenchTransport;
}

function connect(): {
  transport: WorkbenchTransport;
  problem: LaunchProblem;
  key?: string;
} {
  if (typeof window === 'undefined') return { transport: refusingTransport(), problem: 'no-key' };
  if (window.workbench) return { transport: window.workbench, problem: null };
  const key = takeLaunchKey({
    href: window.location.href,
    storage: window.sessionStorage,
    replaceUrl: (url) => window.history.replaceState(window.history.state, '', url),
  });
  if (!key) return { transport: refusingTransport(), problem: 'no-key' };
  return { transport: createRpcTransport(key), problem: null, key };
}

const connection = connect();

/** The one way the renderer talks to the main process. */
export const workbench: WorkbenchApi = createWorkbenchApi(connection.transport);
export const launchProblem: LaunchProblem = connection.problem;
/** The browser host's launch key (undefined under Electron), for the event stream. */
export const browserHostKey: string | undefined = connection.key;
