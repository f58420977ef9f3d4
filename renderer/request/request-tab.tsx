import { Alert, Loader } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { ProfileView } from '../../shared/profile';
import type { SavedRequestFields } from '../../shared/saved-request';
import { SAVE_EVENT } from '../profile-tab/profile-tab';
import { draftToFields, fieldsToDraft } from '../request-draft';
import { useTokenState } from '../use-token-state';
import { workbench } from '../workbench-api';
import { RequestEditor } from './request-editor';
import { useOutsideChanges } from './use-outside-changes';
import { useTokenFreshness } from './use-token-freshness';
import { NameDialog, RequestTitleBar, type TitleNotice } from './request-title-bar';
import { requestTitle, useRequestDocument } from './use-request-document';

export interface RequestTabProps {
  profile: ProfileView;
  /** The saved request this tab edits, or null for a new, unsaved request. */
  savedRequestId: string | null;
  /** Stable id of the tab: its draft is kept under it across restarts. */
  tabId: string;
  onDirtyChange(dirty: boolean): void;
  onTitleChange(title: string): void;
  /** A new request was saved: the tab now edits this saved request. */
  onSavedAs?(savedRequestId: string): void;
  /** Saved requests changed (saved, duplicated, renamed, deleted, restored): the sidebar re-reads. */
  onRequestsChanged?(): void;
  /** Open a saved request in its own tab (after Duplicate). */
  onOpenRequest?(profileId: string, savedRequestId: string): void;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** One request of a profile in its own tab: edit, send, save into the profile. */
export function RequestTab(props: RequestTabProps) {
  const { profile, tabId, savedRequestId } = props;
  const doc = useRequestDocument(profile, tabId, savedRequestId);
  useOutsideChanges(doc, savedRequestId);
  const pushed = useTokenState(profile.id);
  const token = pushed?.token ?? null;
  const freshness = useTokenFreshness(token);
  const [saving, setSaving] = useState(false);
  const [naming, setNaming] = useState<'save' | 'rename' | null>(null);
  const [notice, setNotice] = useState<TitleNotice | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const title = requestTitle(doc.draft);
  // The shell hears of a change once per change, whatever callbacks it passes each render.
  const callbacks = useRef(props);
  useEffect(() => {
    callbacks.current = props;
  });
  useEffect(() => callbacks.current.onDirtyChange(doc.dirty), [doc.dirty]);
  useEffect(() => callbacks.current.onTitleChange(title), [title]);

  function tell(next: TitleNotice) {
    setNotice(next);
    window.requestAnimationFrame(() => noticeRef.current?.focus());
  }

  async function save(name: string) {
    setSaving(true);
    try {
      const fields: SavedRequestFields = { ...draftToFields(doc.draft), name };
      const out = await workbench.saveRequest({ id: doc.saved?.id, profileId: profile.id, fields });
      doc.adopt(out.request, fieldsToDraft(out.request));
      if (!doc.saved) props.onSavedAs?.(out.request.id);
      props.onRequestsChanged?.();
      tell({
        tone: 'ok',
        text:
          out.stripped.length > 0
            ? `Saved as ${out.request.name}. Not saved (secrets): ${out.stripped.join(', ')}`
            : `Saved as ${out.request.name}`,
      });
    } catch (error) {
      tell({ tone: 'error', text: `Save failed: ${message(error)}` });
    } finally {
      setSaving(false);
    }
  }

  function requestSave() {
    const name = doc.saved?.name ?? doc.draft.name?.trim() ?? '';
    if (name) void save(name);
    else setNaming('save');
  }

  // Ctrl/Cmd+S from the shell saves the request of the tab on screen.
  const saveRef = useRef(requestSave);
  useEffect(() => {
    saveRef.current = requestSave;
  });
  useEffect(() => {
    const listener = () => saveRef.current();
    window.addEventListener(SAVE_EVENT, listener);
    return () => window.removeEventListener(SAVE_EVENT, listener);
  }, []);

  async function rename(name: string) {
    if (!doc.saved) return;
    try {
      const renamed = await workbench.renameRequest({ id: doc.saved.id, name });
      doc.adopt(renamed);
      doc.update((d) => ({ ...d, name: renamed.name }));
      props.onRequestsChanged?.();
      tell({ tone: 'ok', text: `Renamed to ${renamed.name}` });
    } catch (error) {
      tell({ tone: 'error', text: `Rename failed: ${message(error)}` });
    }
  }

  async function duplicate() {
    if (!doc.saved) return;
    try {
      const copy = await workbench.duplicateRequest({ id: doc.saved.id });
      props.onRequestsChanged?.();
      props.onOpenRequest?.(copy.profileId, copy.id);
      tell({ tone: 'ok', text: `Duplicated as ${copy.name}` });
    } catch (error) {
      tell({ tone: 'error', text: `Duplicate failed: ${message(error)}` });
    }
  }

  async function remove() {
    const target = doc.saved;
    if (!target) return;
    try {
      await workbench.deleteRequest({ id: target.id });
      doc.adopt(null);
      props.onRequestsChanged?.();
      tell({
        tone: 'info',
        text: `Deleted ${target.name}; this tab keeps it as an unsaved request`,
        undo: () => {
          workbench.restoreRequest({ id: target.id }).then(
            (back) => {
              doc.adopt(back, fieldsToDraft(back));
              props.onRequestsChanged?.();
              tell({ tone: 'ok', text: `Restored ${back.name}` });
            },
            (error: unknown) => tell({ tone: 'error', text: `Undo failed: ${message(error)}` }),
          );
        },
      });
    } catch (error) {
      tell({ tone: 'error', text: `Delete failed: ${message(error)}` });
    }
  }

  if (doc.loaded.state === 'loading') return <Loader size="sm" aria-label="Loading the request" />;
  if (doc.loaded.state === 'failed')
    return (
      <Alert color="red" title="This request could not be opened">
        {doc.loaded.message}
      </Alert>
    );

  return (
    <>
      <RequestEditor
        profile={profile}
        tokenState={freshness}
        grantedScopes={token?.grantedScopes ?? null}
        draft={doc.draft}
        onDraft={doc.update}
        result={doc.result}
        onResult={doc.setResult}
        title={
          <RequestTitleBar
            title={title}
            saved={doc.saved !== null}
            dirty={doc.dirty}
            saving={saving}
            notice={notice ?? (doc.draftProblem ? { tone: 'error', text: doc.draftProblem } : null)}
            noticeRef={noticeRef}
            onSave={requestSave}
            onDuplicate={() => void duplicate()}
            onRename={() => setNaming('rename')}
            onDelete={() => void remove()}
          />
        }
      />
      <NameDialog
        opened={naming !== null}
        title={naming === 'rename' ? 'Rename request' : 'Save request'}
        initial={naming === 'rename' ? (doc.saved?.name ?? '') : requestTitle(doc.draft)}
        confirmLabel={naming === 'rename' ? 'Rename' : 'Save'}
        onClose={() => setNaming(null)}
        onConfirm={(name) => {
          const mode = naming;
          setNaming(null);
          if (mode === 'rename') void rename(name);
          else void save(name);
        }}
      />
    </>
  );
}
