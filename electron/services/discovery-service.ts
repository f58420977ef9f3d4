import { discoveryUrls, parseServerMetadata, resolveEndpoints } from '../../shared/discovery';
import type { DiscoveryView, ServerMetadata } from '../../shared/grant-results';
import { WorkbenchInputError } from './errors';
import type { HttpTransport } from './http-transport';
import type { Clock } from './tokens/clock';

const CACHE_MS = 5 * 60 * 1000;

export interface DiscoveryDeps {
  http: HttpTransport;
  timeoutSeconds: () => number;
  clock: Clock;
}

/** Reads the server's metadata (OpenID discovery, then RFC 8414) and says what it falls back to. */
export class DiscoveryService {
  private readonly cache = new Map<string, { at: number; view: DiscoveryView }>();

  constructor(private readonly deps: DiscoveryDeps) {}

  async discover(
    baseUrl: string,
    tokenUrlOverride: string | null,
    signal: AbortSignal,
    fresh = false,
  ): Promise<DiscoveryView> {
    const key = `${baseUrl} ${tokenUrlOverride ?? ''}`;
    const cached = this.cache.get(key);
    if (!fresh && cached && this.deps.clock.now() - cached.at < CACHE_MS) return cached.view;

    const attempts: DiscoveryView['attempts'] = [];
    let metadata: ServerMetadata | null = null;
    let foundAt: string | null = null;
    let unanswered = 0;
    for (const url of discoveryUrls(baseUrl)) {
      const outcome = await this.deps.http.send(
        { method: 'GET', url, headers: [['Accept', 'application/json']] },
        { timeoutSeconds: this.deps.timeoutSeconds(), signal, step: 'connect' },
      );
      if (signal.aborted) throw new WorkbenchInputError('Discovery was cancelled.');
      if (!outcome.response) {
        unanswered++;
        attempts.push({ url, status: null, outcome: outcome.failure.title });
        continue;
      }
      const { status } = outcome.response;
      let parsed: ServerMetadata | null = null;
      if (status === 200) {
        try {
          parsed = parseServerMetadata(JSON.parse(outcome.response.bodyText));
        } catch {
          parsed = null;
        }
      }
      attempts.push({
        url,
        status,
        outcome: parsed ? 'metadata read' : status === 200 ? 'not a JSON object' : 'not found',
      });
      if (parsed) {
        metadata = parsed;
        foundAt = url;
        break;
      }
    }
    const { endpoints, notes } = resolveEndpoints(baseUrl, metadata, tokenUrlOverride);
    const view: DiscoveryView = { attempts, foundAt, metadata, endpoints, notes };
    // A server that did not answer at all is asked again next time.
    if (metadata || unanswered === 0) this.cache.set(key, { at: this.deps.clock.now(), view });
    return view;
  }
}
