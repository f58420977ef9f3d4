import { eventMethodName, eventNames, type WorkbenchEventApi } from '../shared/events';

/**
 * The renderer's one way to receive pushed state. Under Electron the preload exposes one
 * `on<Event>` method per event; the browser host's event stream is wired in by the pipeline work.
 */
function connect(): WorkbenchEventApi {
  const api: Record<string, (listener: (payload: never) => void) => () => void> = {};
  const exposed =
    typeof window === 'undefined'
      ? undefined
      : (window as unknown as { workbenchEvents?: WorkbenchEventApi }).workbenchEvents;
  for (const name of eventNames) {
    const method = eventMethodName(name);
    api[method] = (listener) =>
      exposed ? (exposed[method] as (l: typeof listener) => () => void)(listener) : () => {};
  }
  return api as unknown as WorkbenchEventApi;
}

export const workbenchEvents: WorkbenchEventApi = connect();
