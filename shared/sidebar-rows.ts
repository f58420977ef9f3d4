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

export type SidebarRow =
  | { kind: 'group'; key: string; label: string; count: number }
  | { kind: 'profile'; key: string; profile: SidebarProfile; requests: number; expanded: boolean }
  | { kind: 'request'; key: string; request: SidebarRequest };

export function teamOf(p: SidebarProfile): string {
  if (p.sandbox) return 'Sandbox';
  if (p.team && p.cluster) return `${p.team} · ${p.cluster}`;
  return p.effectiveBaseUrl ?? 'No team';
}

/** The lower-cased text a filter looks in, computed once per list (not per keystroke). */
export interface SidebarIndex {
  groups: { label: string; profiles: { profile: SidebarProfile; text: string }[] }[];
  requests: Map<string, { request: SidebarRequest; text: string }[]>;
}

export function indexSidebar(
  profiles: readonly SidebarProfile[],
  requests: readonly SidebarRequest[],
): SidebarIndex {
  const byTeam = new Map<string, { profile: SidebarProfile; text: string }[]>();
  for (const p of profiles) {
    const team = teamOf(p);
    const text = `${p.name}\n${team}\n${p.clientId}`.toLowerCase();
    const list = byTeam.get(team);
    if (list) list.push({ profile: p, text });
    else byTeam.set(team, [{ profile: p, text }]);
  }
  const groups = [...byTeam.keys()]
    .sort((a, b) => a.localeCompare(b))
    .map((label) => ({
      label,
      profiles: byTeam.get(label)!.sort((a, b) => a.profile.name.localeCompare(b.profile.name)),
    }));
  const byProfile = new Map<string, { request: SidebarRequest; text: string }[]>();
  for (const r of requests) {
    const entry = { request: r, text: `${r.method} ${r.name}`.toLowerCase() };
    const list = byProfile.get(r.profileId);
    if (list) list.push(entry);
    else byProfile.set(r.profileId, [entry]);
  }
  for (const list of byProfile.values()) {
    list.sort((a, b) => a.request.name.localeCompare(b.request.name));
  }
  return { groups, requests: byProfile };
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
    for (const { profile, text } of group.profiles) {
      const all = index.requests.get(profile.id) ?? [];
      const profileHit = q === '' || text.includes(q);
      const requestHits = profileHit ? all : all.filter((r) => r.text.includes(q));
      if (!profileHit && requestHits.length === 0) continue;
      count++;
      const open = expanded.has(profile.id) || (!profileHit && requestHits.length > 0);
      groupRows.push({
        kind: 'profile',
        key: `p:${profile.id}`,
        profile,
        requests: all.length,
        expanded: open,
      });
      if (open) {
        for (const { request } of requestHits) {
          groupRows.push({ kind: 'request', key: `r:${request.id}`, request });
        }
      }
    }
    if (count === 0) continue;
    rows.push({ kind: 'group', key: `g:${group.label}`, label: group.label, count });
    rows.push(...groupRows);
  }
  return rows;
}
