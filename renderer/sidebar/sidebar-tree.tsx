import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useRef } from 'react';
import type { ProfileView } from '../../shared/profile';
import type { SidebarRequest, SidebarRow } from '../../shared/sidebar-rows';
import { ProfileRowMenu } from '../profile-row-menu';
import { useNameTip } from './name-tip';
import { RequestRowMenu } from './request-row-menu';
import classes from './sidebar.module.css';

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

const ROW_HEIGHT = 30;
const GROUP_HEIGHT = 30;

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
  const scroller = useRef<HTMLDivElement>(null);
  const tip = useNameTip();
  const virtual = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => (rows[i]?.kind === 'group' ? GROUP_HEIGHT : ROW_HEIGHT),
    getItemKey: (i) => rows[i]?.key ?? i,
    overscan: 10,
    // The first render already covers the window's height: measuring the list after it does
    // not add rows in a second, synchronous render of the tree.
    initialRect: { width: 0, height: typeof window === 'undefined' ? 0 : window.innerHeight },
  });

  return (
    <nav aria-label="Profiles" ref={scroller} style={{ flex: 1, overflowY: 'auto', minHeight: 0 }}>
      <div
        role="list"
        aria-label="Profiles and saved requests"
        style={{ height: virtual.getTotalSize(), position: 'relative' }}
      >
        {virtual.getVirtualItems().map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          const style = {
            position: 'absolute' as const,
            top: 0,
            left: 0,
            width: '100%',
            height: item.size,
            transform: `translateY(${item.start}px)`,
          };
          if (row.kind === 'group') {
            return (
              <div
                key={row.key}
                role="listitem"
                className={classes.group}
                style={style}
                title={row.label}
              >
                {row.label} · {row.count}
              </div>
            );
          }
          if (row.kind === 'request') {
            const r = row.request;
            return (
              <div key={row.key} role="listitem" className={classes.request} style={style}>
                <span className={classes.method} aria-hidden="true">
                  {r.method}
                </span>
                <button
                  type="button"
                  className={classes.name}
                  aria-label={`${r.method} ${r.name}`}
                  aria-current={activeRequest === r.id ? 'page' : undefined}
                  onClick={() => actions.onOpenRequest(r.profileId, r.id)}
                  {...tip.handlers}
                >
                  {r.name}
                </button>
                <RequestRowMenu
                  request={r}
                  onChanged={actions.onRequestsChanged}
                  onDeleted={actions.onRequestDeleted}
                  onError={actions.onError}
                />
              </div>
            );
          }
          const p = row.profile;
          const view = views.get(p.id);
          return (
            <div key={row.key} role="listitem" className={classes.row} style={style}>
              <button
                type="button"
                className={classes.toggle}
                aria-expanded={row.expanded}
                aria-label={`${row.expanded ? 'Hide' : 'Show'} saved requests of ${p.name}`}
                onClick={() => actions.onToggle(p.id)}
              >
                {row.expanded ? '▾' : '▸'}
              </button>
              <button
                type="button"
                className={classes.name}
                aria-current={activeProfile === p.id ? 'page' : undefined}
                onClick={() => actions.onOpenProfile(p.id)}
                {...tip.handlers}
              >
                {p.name}
              </button>
              {unsaved.has(p.id) && (
                <span className={classes.dot} role="img" aria-label="unsaved changes" />
              )}
              {row.requests > 0 && <span className={classes.count}>{row.requests}</span>}
              {view && (
                <ProfileRowMenu
                  profile={view}
                  onNewRequest={() => actions.onNewRequest(p.id)}
                  onDone={actions.onChanged}
                  onError={actions.onError}
                  onDeleted={actions.onDeleted}
                />
              )}
            </div>
          );
        })}
      </div>
      {tip.element}
    </nav>
  );
});
