import type { Adapter, AdapterPayload } from 'oidc-provider';

interface Entry {
  payload: AdapterPayload;
  /** Epoch milliseconds; Infinity when oidc-provider gave no lifetime. */
  expiresAt: number;
}

/** Models whose entries are removed together when their grant is revoked. */
const GRANTABLE = new Set([
  'AccessToken',
  'AuthorizationCode',
  'RefreshToken',
  'DeviceCode',
  'BackchannelAuthenticationRequest',
]);

/**
 * One store per sandbox, shared by every model's adapter. oidc-provider's own memory adapter
 * would work too, but it prints a development warning and evicts entries once it holds 1,000.
 * Nothing here touches the disk.
 */
class MemoryStore {
  private readonly entries = new Map<string, Entry>();
  private readonly grants = new Map<string, Set<string>>();
  private readonly uids = new Map<string, string>();
  private readonly userCodes = new Map<string, string>();

  constructor(private readonly now: () => number) {}

  get(key: string): AdapterPayload | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.delete(key);
      return undefined;
    }
    return entry.payload;
  }

  set(key: string, model: string, payload: AdapterPayload, expiresIn?: number): void {
    this.delete(key);
    const expiresAt = expiresIn === undefined ? Infinity : this.now() + expiresIn * 1000;
    this.entries.set(key, { payload, expiresAt });
    if (payload.uid !== undefined && model === 'Session') this.uids.set(payload.uid, key);
    if (payload.userCode !== undefined) this.userCodes.set(payload.userCode, key);
    if (payload.grantId !== undefined && GRANTABLE.has(model)) {
      const members = this.grants.get(payload.grantId) ?? new Set<string>();
      members.add(key);
      this.grants.set(payload.grantId, members);
    }
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    const { uid, userCode, grantId } = entry.payload;
    if (uid !== undefined && this.uids.get(uid) === key) this.uids.delete(uid);
    if (userCode !== undefined && this.userCodes.get(userCode) === key) {
      this.userCodes.delete(userCode);
    }
    if (grantId !== undefined) {
      const members = this.grants.get(grantId);
      members?.delete(key);
      if (members?.size === 0) this.grants.delete(grantId);
    }
  }

  keyForUid(uid: string): string | undefined {
    return this.uids.get(uid);
  }

  keyForUserCode(userCode: string): string | undefined {
    return this.userCodes.get(userCode);
  }

  revokeGrant(grantId: string): void {
    for (const key of [...(this.grants.get(grantId) ?? [])]) this.delete(key);
    this.grants.delete(grantId);
  }
}

class MemoryAdapter implements Adapter {
  constructor(
    private readonly model: string,
    private readonly store: MemoryStore,
    private readonly nowSeconds: () => number,
  ) {}

  private key(id: string): string {
    return `${this.model}:${id}`;
  }

  async upsert(id: string, payload: AdapterPayload, expiresIn?: number): Promise<void> {
    this.store.set(this.key(id), this.model, payload, expiresIn);
  }

  async find(id: string): Promise<AdapterPayload | undefined> {
    return this.store.get(this.key(id));
  }

  async findByUid(uid: string): Promise<AdapterPayload | undefined> {
    const key = this.store.keyForUid(uid);
    return key === undefined ? undefined : this.store.get(key);
  }

  async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
    const key = this.store.keyForUserCode(userCode);
    return key === undefined ? undefined : this.store.get(key);
  }

  async consume(id: string): Promise<void> {
    const payload = this.store.get(this.key(id));
    if (payload) payload.consumed = this.nowSeconds();
  }

  async destroy(id: string): Promise<void> {
    this.store.delete(this.key(id));
  }

  async revokeByGrantId(grantId: string): Promise<void> {
    this.store.revokeGrant(grantId);
  }
}

/** An adapter factory for oidc-provider's `adapter` option, with its own empty store. */
export function createMemoryAdapter(now: () => number = Date.now): (model: string) => Adapter {
  const store = new MemoryStore(now);
  const nowSeconds = () => Math.floor(now() / 1000);
  return (model) => new MemoryAdapter(model, store, nowSeconds);
}
