import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Inputs, Results } from '../../shared/contract';
import type { OperationName } from '../../shared/operations';
import {
  emptyProfileFields,
  pickProfileFields,
  type ProfileFields,
  type ProfileView,
} from '../../shared/profile';
import { createHandlers, dispatch, type Handlers } from '../handlers';
import { openJsonFileStore } from '../services/data-store';
import { MemoryVault } from '../services/secret-vault';
import { createServices, type Services } from '../services/services';
import type { InteropClient, InteropServer } from './interop-fixture';
import { UserBrowser } from './user-browser';

/**
 * The workbench as its hosts run it: the real services around a real store in a temp dir and a
 * memory vault, driven only through the handler table (`dispatch`), the way both hosts call it.
 * `openExternal` hands the authorization URL to a scripted user with a plain-HTTP browser.
 */
export class Workbench {
  readonly browser = new UserBrowser();
  private readonly dir = mkdtempSync(path.join(tmpdir(), 'interop-'));
  private readonly services: Services;
  private readonly handlers: Handlers;
  private n = 0;

  constructor() {
    this.services = createServices(openJsonFileStore(this.dir).store, new MemoryVault(null), {
      openExternal: (url: string) => this.browser.open(url),
    });
    this.handlers = createHandlers(this.services, () => ({
      host: 'browser',
      version: 'interop-test',
      dataDir: this.dir,
      secretStorage: 'memory',
      keychainProblem: null,
    }));
  }

  /** One operation through the handler table; an error envelope becomes a thrown Error. */
  async call<K extends OperationName>(name: K, input: Inputs[K]): Promise<Results[K]> {
    const envelope = await dispatch(this.handlers, name, input);
    if (!envelope.ok) throw new Error(`${name}: ${envelope.error.message}`);
    return envelope.value;
  }

  requestId(what: string): string {
    return `interop-${what}-${this.n++}`;
  }

  profile(
    server: InteropServer,
    client: InteropClient,
    over: Partial<ProfileFields> = {},
    secret: string = client.secret,
  ): Promise<ProfileView> {
    return this.call('saveProfile', {
      fields: {
        ...emptyProfileFields,
        name: `${server.name} ${this.n++}`,
        baseUrl: server.url,
        clientId: client.id,
        scopes: [server.scopes.allowed[0] ?? 'reports:read'],
        ...over,
      },
      clientSecret: secret,
    });
  }

  /** Saves a profile again with some fields (and maybe the secret) changed, as the form does. */
  saveAgain(view: ProfileView, patch: Partial<ProfileFields>, secret?: string) {
    return this.call('saveProfile', {
      id: view.id,
      fields: { ...pickProfileFields(view), ...patch },
      ...(secret ? { clientSecret: secret } : {}),
    });
  }

  getToken(profileId: string) {
    return this.call('getToken', { profileId, requestId: this.requestId('token') });
  }

  refresh(profileId: string) {
    return this.call('refreshToken', { profileId, requestId: this.requestId('refresh') });
  }

  /** Start, let the scripted user sign in and approve, complete. */
  async authorize(profileId: string) {
    const start = await this.call('startAuthorization', {
      profileId,
      requestId: this.requestId('start'),
    });
    const completeId = this.requestId('complete');
    const completing = this.call('completeAuthorization', {
      attemptId: start.attemptId,
      requestId: completeId,
    });
    // If the user never reaches the callback, cancel instead of waiting out the receiver.
    const visit = await this.browser.finish().catch(async (err: unknown) => {
      await this.call('cancelRequest', { requestId: completeId });
      return { error: err instanceof Error ? err.message : String(err), callback: null };
    });
    return { start, visit, result: await completing };
  }

  /** Every file the app wrote to its data dir, by relative path, as text. */
  filesOnDisk(): Map<string, string> {
    const out = new Map<string, string>();
    for (const entry of readdirSync(this.dir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const full = path.join(entry.parentPath, entry.name);
      out.set(path.relative(this.dir, full), readFileSync(full, 'utf8'));
    }
    return out;
  }

  async close(): Promise<void> {
    await this.services.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
