import { useCallback, useState } from 'react';
import type { ProfileView } from '../../shared/profile';
import type { ProfileDraft } from '../profile-draft';
import { draftOf, errorField, isDirty, saveInput } from '../profile-draft';
import type { MemoryPatch, ProfileMemory } from '../profile-memory';
import type { TokenDraft } from '../token-bar/token-actions';
import { WorkbenchCallError, workbench } from '../workbench-api';

export interface ProfileSave {
  draft: ProfileDraft;
  dirty: boolean;
  saving: boolean;
  /** Saves the draft; false (with the error on the form) when main refused it. */
  save: () => Promise<boolean>;
  /** The edits as a one-off draft for "Get token without saving"; null when there are none. */
  tokenDraft: TokenDraft | null;
}

/** The save in flight per profile, whichever tab started it: Get token waits for it. */
const savesInFlight = new Map<string, Promise<boolean>>();

/** The profile's save that is running now (Save pressed a moment ago), if any. */
export function saveInFlight(profileId: string): Promise<boolean> | undefined {
  return savesInFlight.get(profileId);
}

/** The profile's draft and how it is saved: used by the profile tab and every token bar. */
export function useProfileSave(
  profile: ProfileView | null,
  memory: ProfileMemory,
  patch: MemoryPatch,
  onSaved: (view: ProfileView, savedDraft: ProfileDraft) => void,
  renewalLeadSeconds = 60,
): ProfileSave {
  const [saving, setSaving] = useState(false);
  const current = memory.draft;
  const draft = current ?? draftOf(profile, renewalLeadSeconds);
  const dirty = current ? isDirty(current, profile, renewalLeadSeconds) : false;

  const save = useCallback((): Promise<boolean> => {
    if (!current || !isDirty(current, profile, renewalLeadSeconds)) return Promise.resolve(true);
    const key = profile?.id;
    setSaving(true);
    let task: Promise<boolean> | undefined = undefined;
    task = (async () => {
      try {
        const view = await workbench.saveProfile(saveInput(current, profile?.id ?? null));
        onSaved(view, current);
        return true;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const field = error instanceof WorkbenchCallError ? errorField(error.field) : null;
        patch((m) => ({ ...m, draft: { ...(m.draft ?? current), error: { message, field } } }));
        return false;
      } finally {
        setSaving(false);
        if (key && savesInFlight.get(key) === task) savesInFlight.delete(key);
      }
    })();
    if (key) savesInFlight.set(key, task);
    return task;
  }, [current, profile, renewalLeadSeconds, onSaved, patch]);

  const tokenDraft: TokenDraft | null =
    current && dirty && !current.removeSecret
      ? { fields: current.fields, ...(current.secret ? { clientSecret: current.secret } : {}) }
      : null;
  return { draft, dirty, saving, save, tokenDraft };
}
