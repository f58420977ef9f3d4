import {
  stripSecrets,
  type RequestDraftFields,
  type RequestDraftRecord,
} from '../../shared/saved-request';
import { requestDraftFieldsSchema } from '../../shared/saved-request-schema';
import type { KeyValueStore } from './data-store';
import { WorkbenchInputError } from './errors';

const KEY = 'requestDrafts';
/** Drafts kept at most (one per open tab); the oldest go first. */
export const REQUEST_DRAFTS_MAX = 100;
/** All drafts together stay below this (characters of JSON): the store is one file. */
export const REQUEST_DRAFTS_TOTAL_CHARS = 8_000_000;

export interface RequestDraftsDeps {
  store: KeyValueStore;
  /** Client secret, current token, API key of the profile: never stored in a draft. */
  knownSecrets: (profileId: string) => Promise<string[]>;
  now?: () => Date;
}

function isRecord(value: unknown): value is RequestDraftRecord {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return (
    typeof r.tabId === 'string' &&
    typeof r.profileId === 'string' &&
    (r.savedRequestId === null || typeof r.savedRequestId === 'string') &&
    typeof r.updatedAt === 'string' &&
    requestDraftFieldsSchema.safeParse(r.fields).success
  );
}

/**
 * Unsaved request-tab state per tab id, so drafts survive a restart. A draft never holds a
 * secret: credential headers are emptied and the profile's known secrets masked on every write.
 */
export class RequestDraftsService {
  constructor(private readonly deps: RequestDraftsDeps) {}

  private readAll(): RequestDraftRecord[] {
    const raw = this.deps.store.get(KEY);
    return Array.isArray(raw) ? raw.filter(isRecord) : [];
  }

  async save(input: {
    tabId: string;
    profileId: string;
    savedRequestId: string | null;
    fields: RequestDraftFields;
  }): Promise<{ updatedAt: string; stripped: string[] }> {
    const { fields, stripped } = stripSecrets(
      input.fields,
      await this.deps.knownSecrets(input.profileId),
    );
    const updatedAt = (this.deps.now ?? (() => new Date()))().toISOString();
    const record: RequestDraftRecord = { ...input, fields, updatedAt };
    const others = this.readAll().filter((d) => d.tabId !== input.tabId);
    const total = JSON.stringify([record, ...others]).length;
    if (total > REQUEST_DRAFTS_TOTAL_CHARS)
      throw new WorkbenchInputError(
        'This draft is not kept across restarts: the drafts of all tabs together would exceed 8 MB. Save the request or close other tabs.',
        'body',
      );
    this.deps.store.set(KEY, [record, ...others].slice(0, REQUEST_DRAFTS_MAX));
    return { updatedAt, stripped };
  }

  get(tabId: string): RequestDraftRecord | null {
    return this.readAll().find((d) => d.tabId === tabId) ?? null;
  }

  delete(tabId: string): boolean {
    const all = this.readAll();
    const rest = all.filter((d) => d.tabId !== tabId);
    if (rest.length === all.length) return false;
    this.deps.store.set(KEY, rest);
    return true;
  }
}
