import { memo, useRef } from 'react';
import type { ProfileView } from '../../shared/profile';
import type { SidebarRequest, SidebarRow } from '../../shared/sidebar-rows';
import { useNameTip } from './name-tip';
import { GroupRowView, ProfileRowView, RequestRowView } from './tree-rows';
import { useVirtualWindow } from './use-virtual-window';

export interface TreeActions {
  onOpenProfile: (id: string) => void;
  onOpenRequest: (profileId: string, requestId: string) => void;
  onToggle: (profileId: string) => void;
  onNewRequest: (profileId: string) => void;
  onChanged: (selectId: string | null) => void;
  onDeleted: (profile: ProfileView) => void;
  onError: (message: string) => void;
  /** A saved request was renamed from its row menu: the list re-reads. */
  onRequestsChanged: () => void;
  onRequestDeleted: (request: SidebarRequest) => void;
}

/** Every row, group headings too, is this tall: the list's layout is arithmetic. */
const ROW_HEIGHT = 30;
const OVERSCAN = 10;

/** Profiles by team and their saved requests, as one virtual list (500 × 50 stays fast). */
export const SidebarTree = memo(function SidebarTree({
  rows,
  views,
  activeProfile,
  activeRequest,
  unsaved,
  actions,
}: {
  rows: SidebarRow[];
  /** Full profile views by id, for the row menu. */
  views: ReadonlyMap<string, ProfileView>;
  /** The profile whose own tab is on screen, and the saved request on screen. */
  activeProfile: string | null;
  activeRequest: string | null;
  unsaved: ReadonlySet<string>;
  actions: TreeActions;
}) {
  const scroller = useRef<HTMLElement>(null);
  const tip = useNameTip();
  const { start, end } = useVirtualWindow(scroller, rows.length, ROW_HEIGHT, OVERSCAN);

  const items = [];
  for (let i = start; i < end; i++) {
    const row = rows[i]!;
    const top = i * ROW_HEIGHT;
    if (row.kind === 'group') {
      items.push(
        <GroupRowView
          key={row.key}
          label={row.label}
          count={row.count}
          top={top}
          height={ROW_HEIGHT}
        />,
      );
    } else if (row.kind === 'request') {
      items.push(
        <RequestRowView
          key={row.key}
          row={row}
          top={top}
          height={ROW_HEIGHT}
          active={activeRequest === row.request.id}
          actions={actions}
          tip={tip.handlers}
        />,
      );
    } else {
      items.push(
        <ProfileRowView
          key={row.key}
          row={row}
          view={views.get(row.profile.id)}
          top={top}
          height={ROW_HEIGHT}
          active={activeProfile === row.profile.id}
          unsaved={unsaved.has(row.profile.id)}
          actions={actions}
          tip={tip.handlers}
        />,
      );
    }
  }

  return (
    <nav aria-label="Profiles" ref={scroller} style={{ flex: 1, overflowY: 'auto', minHeight: 0 }}>
      <div
        role="list"
        aria-label="Profiles and saved requests"
        style={{ height: rows.length * ROW_HEIGHT, position: 'relative' }}
      >
        {items}
      </div>
      {tip.element}
    </nav>
  );
});
