import { findElectron } from '../scripts/electron-runtime.mjs';

/** The Electron runtime binary when it is installed here (never fetched by tests); else null. */
export function electronRuntimePath(): string | null {
  return findElectron().path;
}
