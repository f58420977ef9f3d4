/**
 * The sidebar's rows: profiles grouped by team, each profile followed by its saved requests
 * when expanded (or when the filter matches one of them). Flat rows for a virtual list.
 */
export interface SidebarProfile {
  id: string;
  name: string;
  team: string;
  cluster: string;
  sandbox: boolean;
  clientId: string;
  effectiveBaseUrl: string | null;
}

export interface SidebarRequest {
  id: string;
  profileId: string;
  name: string;
  method: string;
}

export interface ProfileRow {
  kind: 'profile';
  key: string;
  profile: SidebarProfile;
  requests: number;
  expanded: boolean;
}
export interface RequestRow {
  kind: 'request';
  key: string;
  request: SidebarRequest;
}
export type SidebarRow =
  { kind: 'group'; key: string; label: string; count: number } | ProfileRow | RequestRow;

export function teamOf(p: SidebarProfile): string {
  if (p.sandbox) return 'Sandbox';
  if (p.team && p.cluster) return `${p.team} · ${p.cluster}`;
  return p.effectiveBaseUrl ?? 'No team';
}

interface IndexedProfile {
  profile: SidebarProfile;
  /** Name, team and client ID, lower-cased once per list (not per keystroke). */
  text: string;
  /** The profile's row, collapsed and expanded: the same objects for every query. */
  closed: ProfileRow;
  open: ProfileRow;
  requests: { row: RequestRow; text: string }[];
}

/** The lower-cased text a filter looks in and the rows it returns, built once per list. */
export interface SidebarIndex {
  groups: { label: string; profiles: IndexedProfile[] }[];
}

export function indexSidebar(
  profiles: readonly SidebarProfile[],
  requests: readonly SidebarRequest[],
): SidebarIndex {
  const byProfile = new Map<string, { row: RequestRow; text: string }[]>();
  for (const r of requests) {
    const entry = {
      row: { kind: 'request' as const, key: `r:${r.id}`, request: r },
      text: `${r.method} ${r.name}`.toLowerCase(),
    };
    const list = byProfile.get(r.profileId);
    if (list) list.push(entry);
    else byProfile.set(r.profileId, [entry]);
  }
  for (const list of byProfile.values()) {
    list.sort((a, b) => a.row.request.name.localeCompare(b.row.request.name));
  }
  const byTeam = new Map<string, IndexedProfile[]>();
  for (const p of profiles) {
    const team = teamOf(p);
    const own = byProfile.get(p.id) ?? [];
    const row = (expanded: boolean): ProfileRow => ({
      kind: 'profile',
      key: `p:${p.id}`,
      profile: p,
      requests: own.length,
      expanded,
    });
    const entry: IndexedProfile = {
      profile: p,
      text: `${p.name}\n${team}\n${p.clientId}`.toLowerCase(),
      closed: row(false),
      open: row(true),
      requests: own,
    };
    const list = byTeam.get(team);
    if (list) list.push(entry);
    else byTeam.set(team, [entry]);
  }
  const groups = [...byTeam.keys()]
    .sort((a, b) => a.localeCompare(b))
    .map((label) => ({
      label,
      profiles: byTeam.get(label)!.sort((a, b) => a.profile.name.localeCompare(b.profile.name)),
    }));
  return { groups };
}

/**
 * Rows for the query. A profile matches by name, team or client ID (then all its requests show
 * when expanded); otherwise it shows, expanded, when one of its requests matches by name.
 */
export function sidebarRows(
  index: SidebarIndex,
  query: string,
  expanded: ReadonlySet<string>,
): SidebarRow[] {
  const q = query.trim().toLowerCase();
  const rows: SidebarRow[] = [];
  for (const group of index.groups) {
    const groupRows: SidebarRow[] = [];
    let count = 0;
    for (const entry of group.profiles) {
      const profileHit = q === '' || entry.text.includes(q);
      const open = profileHit ? expanded.has(entry.profile.id) : true;
      const start = groupRows.length;
      if (profileHit) {
        groupRows.push(open ? entry.open : entry.closed);
        if (open) for (const r of entry.requests) groupRows.push(r.row);
      } else {
        // Shown, expanded, only when one of its requests matches; the row comes first.
        groupRows.push(entry.open);
        for (const r of entry.requests) if (r.text.includes(q)) groupRows.push(r.row);
        if (groupRows.length === start + 1) {
          groupRows.length = start;
          continue;
        }
      }
      count++;
    }
    if (count === 0) continue;
    rows.push({ kind: 'group', key: `g:${group.label}`, label: group.label, count });
    for (const row of groupRows) rows.push(row);
  }
  return rows;
}
