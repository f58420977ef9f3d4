// The `token-workbench` command (bin/token-workbench.mjs loads the bundle built from this file).
import { runCli } from './cli-main';

void runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
  // Let stdout drain; a handle left open (a keychain or socket) must not keep the command alive.
  setTimeout(() => process.exit(code), 1500).unref();
});
