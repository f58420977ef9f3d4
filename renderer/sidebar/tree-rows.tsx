import { memo } from 'react';
import type { FocusEvent, MouseEvent } from 'react';
import type { ProfileView } from '../../shared/profile';
import type { ProfileRow, RequestRow } from '../../shared/sidebar-rows';
import { ProfileRowMenu } from './profile-row-menu';
import { RequestRowMenu } from './request-row-menu';
import type { TreeActions } from './sidebar-tree';
import classes from './sidebar.module.css';

type TipEvent = FocusEvent<HTMLElement> | MouseEvent<HTMLElement>;
/** The one name tooltip's handlers (see name-tip.tsx): the same object every render. */
export interface TipHandlers {
  onMouseEnter: (e: TipEvent) => void;
  onFocus: (e: TipEvent) => void;
  onMouseLeave: () => void;
  onBlur: () => void;
}

const place = (top: number, height: number) =>
  ({
    position: 'absolute',
    top: 0,
    left: 0,
    width: '100%',
    height,
    transform: `translateY(${top}px)`,
  }) as const;

/** What every clickable row gets: its place in the window, whether it is open, the handlers. */
interface RowViewProps {
  top: number;
  height: number;
  active: boolean;
  actions: TreeActions;
  tip: TipHandlers;
}

// Every row is memoized on props that stay the same from one keystroke to the next (the row
// objects come from the sidebar index), so typing in the filter renders only the rows that
// appear or move.

export const GroupRowView = memo(function GroupRowView(props: {
  label: string;
  count: number;
  top: number;
  height: number;
}) {
  return (
    <div
      role="listitem"
      className={classes.group}
      style={place(props.top, props.height)}
      title={props.label}
    >
      {props.label} · {props.count}
    </div>
  );
});

export const RequestRowView = memo(function RequestRowView({
  row,
  top,
  height,
  active,
  actions,
  tip,
}: RowViewProps & { row: RequestRow }) {
  const r = row.request;
  return (
    <div role="listitem" className={classes.request} style={place(top, height)}>
      <span className={classes.method} aria-hidden="true">
        {r.method}
      </span>
      <button
        type="button"
        className={classes.name}
        aria-label={`${r.method} ${r.name}`}
        aria-current={active ? 'page' : undefined}
        onClick={() => actions.onOpenRequest(r.profileId, r.id)}
        {...tip}
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
});

export const ProfileRowView = memo(function ProfileRowView({
  row,
  view,
  top,
  height,
  active,
  unsaved,
  actions,
  tip,
}: RowViewProps & {
  row: ProfileRow;
  /** The full profile, for the row menu. */
  view: ProfileView | undefined;
  unsaved: boolean;
}) {
  const p = row.profile;
  return (
    <div role="listitem" className={classes.row} style={place(top, height)}>
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
        aria-current={active ? 'page' : undefined}
        onClick={() => actions.onOpenProfile(p.id)}
        {...tip}
      >
        {p.name}
      </button>
      {unsaved && <span className={classes.dot} role="img" aria-label="unsaved changes" />}
      {row.requests > 0 && <span className={classes.count}>{row.requests}</span>}
      {view && (
        <ProfileRowMenu
          profile={view}
          onNewRequest={actions.onNewRequest}
          onDone={actions.onChanged}
          onError={actions.onError}
          onDeleted={actions.onDeleted}
        />
      )}
    </div>
  );
});
