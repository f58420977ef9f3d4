import { maskClientId } from '../../shared/client-check/check-types';
import type { ProfileView } from '../../shared/profile';
import type { CliIo } from './cli-io';

function teamOf(p: ProfileView): string {
  if (p.sandbox) return 'Sandbox';
  if (p.team && p.cluster) return `${p.team}.${p.cluster}`;
  return p.effectiveBaseUrl ?? '(no address)';
}

/** `token-workbench profiles`: a table of profiles by team (client IDs masked). */
export function printProfiles(profiles: readonly ProfileView[], io: CliIo): void {
  if (profiles.length === 0) {
    io.err('No profiles in this data dir. Create one in the app (or pass --data-dir).\n');
    return;
  }
  const rows = [...profiles]
    .sort((a, b) => teamOf(a).localeCompare(teamOf(b)) || a.name.localeCompare(b.name))
    .map((p) => [
      teamOf(p),
      p.name,
      maskClientId(p.clientId),
      p.grantType,
      p.authMethod,
      String(p.scopes.length),
    ]);
  const head = ['TEAM', 'PROFILE', 'CLIENT ID', 'GRANT', 'METHOD', 'SCOPES'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  io.out(`${[line(head), ...rows.map(line)].join('\n')}\n`);
}
