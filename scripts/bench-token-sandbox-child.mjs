// A child of `npm run bench:token`: starts the sandbox in a process of its own, as the app does
// (SandboxService on "Try the sandbox"), and sends its base URL and client to the parent, so the
// parent's token calls go to a server that does not share its CPU, event loop or caches.
// argv[2]: the services bundle built by bench-token.mjs.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const { createServices, openJsonFileStore, MemoryVault } = await import(
  pathToFileURL(process.argv[2]).href
);
const dir = mkdtempSync(path.join(os.tmpdir(), 'twb-bench-token-sandbox-'));
const services = createServices(openJsonFileStore(dir).store, new MemoryVault(null));
const { id } = await services.profileActions.createSandboxProfile();
const profile = services.profiles.get(id);
process.send?.({
  baseUrl: await services.tokens.baseUrlFor(profile),
  clientId: profile.clientId,
  secret: await services.profiles.getSecret(id),
});
process.on('disconnect', () => void services.close().then(() => process.exit(0)));
