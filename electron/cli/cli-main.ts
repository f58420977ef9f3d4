import { Command, CommanderError, Option } from 'commander';
import { runCall } from './call-command';
import { runCheck } from './check-command';
import { CliUsageError, EXIT, processIo, type CliIo } from './cli-io';
import { APP_VERSION, openSession, resolveDataDir, type CliSession } from './cli-session';
import { findProfile } from './find-profile';
import { printProfiles } from './profiles-command';
import { runToken } from './token-command';

const EXAMPLES = `
Examples:
  $ token-workbench profiles
  $ token-workbench token Prod
  $ curl -H "Authorization: Bearer $(token-workbench token Prod)" https://acme.eu-1.celonis.cloud/api/external/members
  $ token-workbench token Prod --json
  $ token-workbench call Prod /api/external/members
  $ token-workbench call Prod /api/external/members --diagnose
  $ token-workbench check Prod --report check.html
  $ token-workbench check Sandbox --no-scope-probe --json
  $ token-workbench --data-dir /tmp/workbench profiles

Exit codes: 0 ok, 1 a failure found (check failed, token refused, HTTP status 400 or more),
2 usage or setup (unknown profile, bad argument, no data dir).
Secrets are never printed; the token only when stdout is a pipe, or with --show.`;

/** Runs one command line; resolves to the exit code. Never prints a secret. */
export async function runCli(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  let code: number = EXIT.ok;
  let session: CliSession | null = null;
  const program = new Command('token-workbench')
    .description(
      'Token Workbench on the command line: the same profiles, keychain and checks as the app.',
    )
    .version(APP_VERSION)
    .option('--data-dir <dir>', "data dir (default: the app's, or TOKEN_WORKBENCH_DATA_DIR)")
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .addHelpText('after', EXAMPLES)
    .showHelpAfterError('(add --help for usage and examples)');

  const open = async () => {
    session ??= await openSession(
      resolveDataDir(program.opts<{ dataDir?: string }>().dataDir, process.env),
    );
    return session;
  };
  const profileId = async (name: string) => {
    const s = await open();
    return findProfile(await s.call('listProfiles', {}), name).id;
  };

  program
    .command('profiles')
    .description('a table of profiles by team')
    .action(async () => printProfiles(await (await open()).call('listProfiles', {}), io));
  program
    .command('token <profile>')
    .description('print only the access token (client credentials)')
    .option('--json', 'the token response, refresh token masked')
    .option('--show', 'print the token on a terminal too')
    .action(async (name: string, opts: { json?: boolean; show?: boolean }) => {
      code = await runToken(await open(), await profileId(name), opts, io);
    });
  program
    .command('call <profile> <target>')
    .description(
      'call a team API: <target> is a path or a full URL; body on stdout, status on stderr',
    )
    .addOption(new Option('-X, --request <method>', 'HTTP method').default('GET'))
    .option(
      '-H, --header <header>',
      'a header "Name: value" (repeatable)',
      (v: string, all: string[]) => [...all, v],
      [],
    )
    .option('-d, --data <body>', 'request body')
    .option('--diagnose', 'print every finding')
    .option('--allow-other-origin', 'send the token to another origin than its team')
    .action(async (name: string, target: string, opts: Parameters<typeof runCall>[3]) => {
      code = await runCall(await open(), await profileId(name), target, opts, io);
    });
  program
    .command('check <profile>')
    .description('check this client: address, discovery, method, token, signature, scopes, APIs')
    .option('--report <file>', 'write the report (FILE.md or FILE.html)')
    .option('--no-scope-probe', 'leave out the scope probe')
    .option('--json', 'the whole result as JSON on stdout (step lines on stderr)')
    .action(
      async (name: string, opts: { report?: string; scopeProbe: boolean; json?: boolean }) => {
        code = await runCheck(await open(), await profileId(name), opts, io);
      },
    );

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      code = err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    } else if (err instanceof CliUsageError) {
      io.err(`token-workbench: ${err.message}\n`);
      code = EXIT.usage;
    } else {
      io.err(
        `token-workbench: failed unexpectedly (${err instanceof Error ? err.name : 'Error'}).\n`,
      );
      code = EXIT.usage;
    }
  } finally {
    await (session as CliSession | null)?.close();
  }
  return code;
}
