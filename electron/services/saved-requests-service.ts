import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  stripSecrets,
  type SavedRequest,
  type SavedRequestFields,
  type SavedRequestOutcome,
  type SavedRequestSummary,
} from '../../shared/saved-request';
import { savedRequestFieldsSchema } from '../../shared/saved-request-schema';
import type { KeyValueStore } from './data-store';
import { WorkbenchInputError } from './errors';

const KEY = 'savedRequests';
/** Saved requests kept in all (500 profiles × 50 requests fit with room). */
export const SAVED_REQUESTS_MAX = 50_000;
/** Bodies of all saved requests together stay below this (characters): the store is one file. */
export const SAVED_BODIES_TOTAL_CHARS = 20_000_000;
/** Deleted requests that can still be restored this run. */
const DELETED_KEPT = 100;

const storedSchema = z.object({
  id: z.string().min(1),
  profileId: z.string().min(1),
  createdAt: z.string(),
  updatedAt: z.string(),
  fields: z.unknown(),
});

export interface SavedRequestsDeps {
  store: KeyValueStore;
  /** Throws a clear error when the profile does not exist. */
  assertProfile: (profileId: string) => void;
  /** Client secret, current token, API key of the profile: never stored in a request. */
  knownSecrets: (profileId: string) => Promise<string[]>;
  now?: () => Date;
}

/**
 * Requests saved into a profile, in the store under one key. Secrets never reach the store:
 * credential headers are emptied and the profile's known secrets masked before every write.
 * Entries this version cannot read are kept untouched.
 */
export class SavedRequestsService {
  private unreadable: unknown[] = [];
  private readonly deleted = new Map<string, SavedRequest>();

  constructor(private readonly deps: SavedRequestsDeps) {}

  private get now(): string {
    return (this.deps.now ?? (() => new Date()))().toISOString();
  }

  private readAll(): SavedRequest[] {
    const raw = this.deps.store.get(KEY);
    this.unreadable = [];
    if (!Array.isArray(raw)) return [];
    const out: SavedRequest[] = [];
    for (const item of raw) {
      const entry = storedSchema.safeParse(item);
      const fields = entry.success ? savedRequestFieldsSchema.safeParse(entry.data.fields) : null;
      if (!entry.success || !fields?.success) {
        this.unreadable.push(item);
        continue;
      }
      const { id, profileId, createdAt, updatedAt } = entry.data;
      out.push({ ...fields.data, id, profileId, createdAt, updatedAt });
    }
    return out;
  }

  private writeAll(requests: SavedRequest[]): void {
    const entries = requests.map(({ id, profileId, createdAt, updatedAt, ...fields }) => ({
      id,
      profileId,
      createdAt,
      updatedAt,
      fields,
    }));
    this.deps.store.set(KEY, [...entries, ...this.unreadable]);
  }

  private find(all: SavedRequest[], id: string): SavedRequest {
    const r = all.find((x) => x.id === id);
    if (!r)
      throw new WorkbenchInputError(
        `No saved request with id ${id}: it may have been deleted.`,
        'id',
      );
    return r;
  }

  /** Summaries, sorted by name; of one profile when given. */
  list(profileId?: string): SavedRequestSummary[] {
    return this.readAll()
      .filter((r) => profileId === undefined || r.profileId === profileId)
      .sort((a, b) => a.name.localeCompare(b.name))
      .map(({ id, profileId: owner, name, method, url, updatedAt }) => ({
        id,
        profileId: owner,
        name,
        method,
        url,
        updatedAt,
      }));
  }

  get(id: string): SavedRequest {
    return this.find(this.readAll(), id);
  }

  /** Creates (no id) or updates a request; secrets are stripped and named in `stripped`. */
  async save(input: {
    id?: string;
    profileId: string;
    fields: SavedRequestFields;
  }): Promise<SavedRequestOutcome> {
    this.deps.assertProfile(input.profileId);
    const { fields, stripped } = stripSecrets(
      input.fields,
      await this.deps.knownSecrets(input.profileId),
    );
    const all = this.readAll();
    const bodies = all.reduce((n, r) => (r.id === input.id ? n : n + r.body.length), 0);
    if (bodies + fields.body.length > SAVED_BODIES_TOTAL_CHARS)
      throw new WorkbenchInputError(
        'Saved request bodies together would exceed 20 MB: shorten this body or delete requests with large bodies.',
        'body',
      );
    const now = this.now;
    let request: SavedRequest;
    if (input.id) {
      const existing = this.find(all, input.id);
      if (existing.profileId !== input.profileId)
        throw new WorkbenchInputError('This request belongs to another profile.', 'profileId');
      request = { ...existing, ...fields, updatedAt: now };
      this.writeAll(all.map((r) => (r.id === request.id ? request : r)));
    } else {
      if (all.length >= SAVED_REQUESTS_MAX)
        throw new WorkbenchInputError(
          `There are already ${SAVED_REQUESTS_MAX} saved requests: delete some first.`,
          'name',
        );
      request = {
        ...fields,
        id: randomUUID(),
        profileId: input.profileId,
        createdAt: now,
        updatedAt: now,
      };
      this.writeAll([...all, request]);
    }
    return { request, stripped };
  }

  private uniqueName(all: SavedRequest[], profileId: string, base: string): string {
    const taken = new Set(all.filter((r) => r.profileId === profileId).map((r) => r.name));
    let name = base.slice(0, 120);
    for (let i = 2; taken.has(name); i++) name = `${base.slice(0, 110)} (${i})`;
    return name;
  }

  duplicate(id: string): SavedRequest {
    const all = this.readAll();
    const source = this.find(all, id);
    const now = this.now;
    const copy: SavedRequest = {
      ...structuredClone(source),
      id: randomUUID(),
      name: this.uniqueName(all, source.profileId, `${source.name} copy`),
      createdAt: now,
      updatedAt: now,
    };
    this.writeAll([...all, copy]);
    return copy;
  }

  rename(id: string, name: string): SavedRequest {
    const trimmed = name.trim();
    if (!trimmed) throw new WorkbenchInputError('Request name is required', 'name');
    const all = this.readAll();
    const renamed = { ...this.find(all, id), name: trimmed.slice(0, 120), updatedAt: this.now };
    this.writeAll(all.map((r) => (r.id === id ? renamed : r)));
    return renamed;
  }

  delete(id: string): boolean {
    const all = this.readAll();
    const target = all.find((r) => r.id === id);
    if (!target) return false;
    this.deleted.set(id, target);
    while (this.deleted.size > DELETED_KEPT) {
      const oldest = this.deleted.keys().next().value;
      if (oldest === undefined) break;
      this.deleted.delete(oldest);
    }
    this.writeAll(all.filter((r) => r.id !== id));
    return true;
  }

  /** Undo of a delete this run; the name gets a suffix if it was taken meanwhile. */
  restore(id: string): SavedRequest {
    const entry = this.deleted.get(id);
    if (!entry) throw new WorkbenchInputError('This request can no longer be restored.', 'id');
    this.deps.assertProfile(entry.profileId);
    const all = this.readAll();
    const restored = { ...entry, name: this.uniqueName(all, entry.profileId, entry.name) };
    this.writeAll([...all.filter((r) => r.id !== id), restored]);
    this.deleted.delete(id);
    return restored;
  }
}
