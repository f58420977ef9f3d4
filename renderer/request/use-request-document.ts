import { useEffect, useRef, useState } from 'react';
import type { ProfileView } from '../../shared/profile';
import type { ApiResult } from '../../shared/results';
import {
  emptyRequestFields,
  type RequestDraftFields,
  type SavedRequest,
} from '../../shared/saved-request';
import { draftToFields, fieldsToDraft, type RequestDraft } from '../request-draft';
import { workbench } from '../workbench-api';

const DRAFT_SAVE_DELAY_MS = 400;

function sameFields(a: RequestDraftFields, b: RequestDraftFields): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** `GET /api/external/members` for an unnamed request. */
export function requestTitle(draft: RequestDraft): string {
  if (draft.name?.trim()) return draft.name.trim();
  const path = (draft.url.split(/[?#]/)[0] ?? '').replace(/^[a-z]+:\/\/[^/]+/i, '');
  return path ? `${draft.method} ${path}` : 'New request';
}

export type Loaded =
  { state: 'loading' } | { state: 'ready' } | { state: 'failed'; message: string };

/**
 * One request tab's document: the saved request it edits (if any), the draft on screen, and the
 * draft kept in main per tab id so it survives a restart (never with a secret: main strips them).
 */
export function useRequestDocument(
  profile: ProfileView,
  tabId: string,
  savedRequestId: string | null,
) {
  const [saved, setSaved] = useState<SavedRequest | null>(null);
  const [draft, setDraft] = useState<RequestDraft>(() => fieldsToDraft(emptyRequestFields));
  const [result, setResult] = useState<ApiResult | null>(null);
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [draftProblem, setDraftProblem] = useState<string | null>(null);
  const touched = useRef(false);

  useEffect(() => {
    let live = true;
    (async () => {
      const record = await workbench.getRequestDraft({ tabId }).catch(() => null);
      const id = savedRequestId ?? record?.savedRequestId ?? null;
      const request = id ? await workbench.getSavedRequest({ id }) : null;
      if (!live) return;
      setSaved(request);
      if (!touched.current) {
        if (record) setDraft(fieldsToDraft(record.fields));
        else if (request) setDraft(fieldsToDraft(request));
      }
      setLoaded({ state: 'ready' });
    })().catch((error: unknown) => {
      if (!live) return;
      const message = error instanceof Error ? error.message : String(error);
      setLoaded({ state: 'failed', message });
    });
    return () => {
      live = false;
    };
  }, [tabId, savedRequestId]);

  const fields = draftToFields(draft);
  const baseline = saved ? draftToFields(fieldsToDraft(saved)) : emptyRequestFields;
  const dirty = loaded.state === 'ready' && !sameFields(fields, baseline);
  const fieldsKey = JSON.stringify(fields);

  // The draft goes to main a moment after the last edit; a clean tab keeps none.
  useEffect(() => {
    if (loaded.state !== 'ready' || !touched.current) return;
    const timer = window.setTimeout(() => {
      const keep = dirty || (savedRequestId === null && saved !== null);
      const call = keep
        ? workbench.saveRequestDraft({
            tabId,
            profileId: profile.id,
            savedRequestId: saved?.id ?? null,
            fields: JSON.parse(fieldsKey) as RequestDraftFields,
          })
        : workbench.deleteRequestDraft({ tabId });
      call.then(
        () => setDraftProblem(null),
        (error: unknown) => setDraftProblem(error instanceof Error ? error.message : String(error)),
      );
    }, DRAFT_SAVE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [fieldsKey, dirty, saved, savedRequestId, tabId, profile.id, loaded.state]);

  return {
    loaded,
    saved,
    draft,
    dirty,
    /** Why the draft could not be kept across restarts, if it could not. */
    draftProblem,
    result,
    setResult,
    /** Edits from the user. */
    update(fn: (prev: RequestDraft) => RequestDraft) {
      touched.current = true;
      setDraft(fn);
    },
    /** After save, rename, delete or restore: what main now holds. */
    adopt(request: SavedRequest | null, nextDraft?: RequestDraft) {
      touched.current = true;
      setSaved(request);
      if (nextDraft) setDraft(nextDraft);
    },
  };
}
