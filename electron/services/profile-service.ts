import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { maskedPreview } from '../../shared/mask';
import {
  effectiveBaseUrl,
  effectiveTokenUrl,
  type ProfileFields,
  type ProfileView,
  type StoredProfile,
} from '../../shared/profile';
import { profileFieldsSchema } from '../../shared/profile-schema';
import type { KeyValueStore } from './data-store';
import { WorkbenchInputError } from './errors';
import { deepFreeze } from './store/deep-freeze';
import { secretAccounts, type SecretVault } from './secret-vault';

const storedProfileSchema = z.object({
  id: z.string().min(1),
  createdAt: z.string(),
  updatedAt: z.string(),
  fields: z.unknown(),
});

export interface SaveProfileInput {
  id?: string;
  fields: ProfileFields;
  /** undefined: keep the saved secret; string: replace it; null: remove it. */
  clientSecret?: string | null;
}

/**
 * Profiles in the store, their secrets in the vault. The store never sees a secret; the
 * renderer gets `hasSecret` and a masked preview only.
 */
export class ProfileService {
  /** Secrets read this run, so listing profiles does not ask the keychain every time. */
  private readonly secretCache = new Map<string, string | null>();

  private readonly store: KeyValueStore;
  private readonly vault: SecretVault;
  private readonly sandboxUrl: () => string | null;
  private readonly now: () => Date;

  constructor(deps: {
    store: KeyValueStore;
    vault: SecretVault;
    sandboxUrl: () => string | null;
    now: () => Date;
  }) {
    this.store = deps.store;
    this.vault = deps.vault;
    this.sandboxUrl = deps.sandboxUrl;
    this.now = deps.now;
  }

  /** Entries this version cannot read are kept as they are and written back untouched. */
  private unreadable: unknown[] = [];

  /** The profiles as last parsed (frozen), until the store's revision changes. */
  private parsed: { revision: number; profiles: StoredProfile[]; unreadable: unknown[] } | null =
    null;

  private parse(): { profiles: StoredProfile[]; unreadable: unknown[] } {
    const raw = this.store.get('profiles');
    const profiles: StoredProfile[] = [];
    const unreadable: unknown[] = [];
    if (!Array.isArray(raw)) return { profiles, unreadable };
    for (const item of raw) {
      const entry = storedProfileSchema.safeParse(item);
      const fields = entry.success ? profileFieldsSchema.safeParse(entry.data.fields) : null;
      if (!entry.success || !fields?.success) {
        unreadable.push(item);
        continue;
      }
      const { id, createdAt, updatedAt } = entry.data;
      profiles.push(deepFreeze({ ...fields.data, id, createdAt, updatedAt }));
    }
    return { profiles, unreadable };
  }

  /** Parsed once per store revision: a Get token reads its profile from memory. */
  private current(): StoredProfile[] {
    const revision = this.store.revision?.();
    if (revision === undefined || this.parsed?.revision !== revision) {
      const { profiles, unreadable } = this.parse();
      this.parsed = revision === undefined ? null : { revision, profiles, unreadable };
      this.unreadable = unreadable;
      return profiles;
    }
    this.unreadable = this.parsed.unreadable;
    return this.parsed.profiles;
  }

  private readAll(): StoredProfile[] {
    return structuredClone(this.current());
  }

  private writeAll(profiles: StoredProfile[]): void {
    const entries = profiles.map(({ id, createdAt, updatedAt, ...fields }) => ({
      id,
      createdAt,
      updatedAt,
      fields,
    }));
    this.store.set('profiles', [...entries, ...this.unreadable]);
  }

  /** The profile as stored, from memory and frozen (copy it to change it). */
  get(id: string): StoredProfile {
    const p = this.current().find((x) => x.id === id);
    if (!p)
      throw new WorkbenchInputError(`No profile with id ${id}: it may have been deleted.`, 'id');
    return p;
  }

  async getSecret(id: string): Promise<string | null> {
    if (this.secretCache.has(id)) return this.secretCache.get(id) ?? null;
    const secret = await this.vault.get(secretAccounts.clientSecret(id));
    this.secretCache.set(id, secret);
    return secret;
  }

  async view(p: StoredProfile): Promise<ProfileView> {
    const secret = await this.getSecret(p.id);
    const sandboxUrl = this.sandboxUrl();
    return {
      ...p,
      hasSecret: secret !== null,
      secretPreview: secret !== null ? maskedPreview(secret) : null,
      secretStorage: secret !== null ? this.vault.storage : null,
      effectiveBaseUrl: effectiveBaseUrl(p, sandboxUrl),
      effectiveTokenUrl: effectiveTokenUrl(p, sandboxUrl),
    };
  }

  async list(): Promise<ProfileView[]> {
    const all = this.readAll().sort((a, b) => a.name.localeCompare(b.name));
    return Promise.all(all.map((p) => this.view(p)));
  }

  async save(input: SaveProfileInput): Promise<ProfileView> {
    const all = this.readAll();
    const now = this.now().toISOString();
    const existing = input.id ? all.find((p) => p.id === input.id) : undefined;
    if (input.id && !existing) {
      throw new WorkbenchInputError(
        `No profile with id ${input.id}: it may have been deleted.`,
        'id',
      );
    }
    const fields = profileFieldsSchema.parse(input.fields);
    const duplicate = all.find((p) => p.name === fields.name && p.id !== input.id);
    if (duplicate)
      throw new WorkbenchInputError(`Profile name "${fields.name}" is already used`, 'name');
    const profile: StoredProfile = {
      ...fields,
      id: existing?.id ?? randomUUID(),
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    };
    // Secret first: if the keychain fails, nothing about the profile has changed yet.
    if (typeof input.clientSecret === 'string' && input.clientSecret.length > 0) {
      await this.vault.set(secretAccounts.clientSecret(profile.id), input.clientSecret);
      this.secretCache.set(profile.id, input.clientSecret);
    } else if (input.clientSecret === null) {
      await this.vault.delete(secretAccounts.clientSecret(profile.id));
      this.secretCache.set(profile.id, null);
    }
    this.writeAll(
      existing ? all.map((p) => (p.id === profile.id ? profile : p)) : [...all, profile],
    );
    return this.view(profile);
  }

  async delete(id: string): Promise<boolean> {
    const all = this.readAll();
    const profile = all.find((p) => p.id === id);
    if (!profile) return false;
    // Kept in memory (never on disk) until restart, so "Undo" can put profile and secret back.
    this.deleted.set(id, { profile, secret: await this.getSecret(id) });
    this.writeAll(all.filter((p) => p.id !== id));
    await this.vault.delete(secretAccounts.clientSecret(id));
    this.secretCache.delete(id);
    return true;
  }

  private readonly deleted = new Map<string, { profile: StoredProfile; secret: string | null }>();

  /** Undoes a delete made this run: the profile comes back with its id and its secret. */
  async restore(id: string): Promise<ProfileView> {
    const entry = this.deleted.get(id);
    if (!entry) throw new WorkbenchInputError('This profile can no longer be restored.', 'id');
    const { profile, secret } = entry;
    const all = this.readAll();
    const name = uniqueName(profile.name, all);
    if (secret !== null) await this.vault.set(secretAccounts.clientSecret(id), secret);
    this.secretCache.set(id, secret);
    const restored = { ...profile, name };
    this.writeAll([...all.filter((p) => p.id !== id), restored]);
    this.deleted.delete(id);
    return this.view(restored);
  }

  /** A copy under a new name, with the same client secret (a new keychain entry). */
  async duplicate(id: string): Promise<ProfileView> {
    const source = this.get(id);
    const { id: _id, createdAt: _c, updatedAt: _u, ...fields } = source;
    const secret = await this.getSecret(id);
    return this.save({
      fields: { ...fields, name: uniqueName(`${source.name} copy`, this.readAll()) },
      ...(secret !== null ? { clientSecret: secret } : {}),
    });
  }

  async rename(id: string, name: string): Promise<ProfileView> {
    const { id: _id, createdAt: _c, updatedAt: _u, ...fields } = this.get(id);
    return this.save({ id, fields: { ...fields, name } });
  }

  /** Replaces the client secret only (used once a new secret has proven itself). */
  async replaceSecret(id: string, secret: string): Promise<void> {
    this.get(id);
    await this.vault.set(secretAccounts.clientSecret(id), secret);
    this.secretCache.set(id, secret);
  }

  /** Names already taken, for imports and copies. */
  names(): Set<string> {
    return new Set(this.readAll().map((p) => p.name));
  }
}

/** `name`, or `name (2)`, `name (3)`... whichever is free. */
export function uniqueName(name: string, taken: readonly { name: string }[] | Set<string>): string {
  const names = taken instanceof Set ? taken : new Set(taken.map((p) => p.name));
  if (!names.has(name)) return name;
  for (let i = 2; ; i++) {
    const candidate = `${name.slice(0, 110)} (${i})`;
    if (!names.has(candidate)) return candidate;
  }
}
