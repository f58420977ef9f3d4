import type { WorkbenchTransport } from '../shared/contract';

declare global {
  interface Window {
    /** Exposed by the Electron preload: one method per operation, each answering an envelope. */
    workbench?: WorkbenchTransport;
  }
}

export {};
