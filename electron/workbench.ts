import { createHandlers, type Handlers } from './handlers';
import { keychainService } from './launch-options';
import type { DataStore } from './services/data-store';
import { openSecretVault } from './services/secret-vault';
import { createServices, type Services } from './services/services';
import type { ShowSaveDialog } from './services/response-export';

export interface Workbench {
  services: Services;
  handlers: Handlers;
}

/** Opens the vault and wires services and handlers: the same for both hosts. */
export async function openWorkbench(options: {
  dataDir: string;
  store: DataStore;
  host: 'electron' | 'browser';
  version: string;
  /** Opens a URL in the system browser (Electron: shell.openExternal via the checked opener). */
  openExternal?: (url: string) => boolean;
  /** Save response: the app's save dialog (Electron); absent = one-time browser downloads. */
  showSaveDialog?: ShowSaveDialog;
  /** What opening the store found (a damaged file set aside...), shown to the user. */
  storeNotices?: string[];
}): Promise<Workbench> {
  const vault = await openSecretVault(keychainService(options.dataDir));
  const services = createServices(options.store, vault, {
    openExternal: options.openExternal,
    showSaveDialog: options.showSaveDialog,
  });
  const handlers = createHandlers(services, () => ({
    host: options.host,
    version: options.version,
    dataDir: options.dataDir,
    secretStorage: vault.storage,
    keychainProblem: vault.problem,
    storeNotices: options.storeNotices ?? [],
  }));
  return { services, handlers };
}
