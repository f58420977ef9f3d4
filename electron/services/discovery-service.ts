import { discoveryPaths, parseServerMetadata, resolveEndpoints } from '../../shared/discovery';
import type { DiscoveryView, ServerMetadata } from '../../shared/grant-results';
import { joinUrl } from '../../shared/team-url';
import { WorkbenchInputError } from './errors';
import type { HttpTransport } from './http-transport';

const CACHE_MS = 5 * 60 * 1000;

/** Reads the server's metadata (OpenID discovery, then RFC 8414) and says what it falls back to. */
export class DiscoveryService {
  private readonly cache = new Map<string, { at: number; view: DiscoveryView }>();

  constructor(
    private readonly http: HttpTransport,
    private readonly timeoutSeconds: () => number,
    private readonly now: () => number = Date.now,
  ) {}

  async discover(
    baseUrl: string,
    tokenUrlOverride: string | null,
    signal: AbortSignal,
    fresh = false,
  ): Promise<DiscoveryView> {
    const key = `${baseUrl} ${tokenUrlOverride ?? ''}`;
    const cached = this.cache.get(key);
    if (!fresh && cached && this.now() - cached.at < CACHE_MS) return cached.view;

    const attempts: DiscoveryView['attempts'] = [];
    let metadata: ServerMetadata | null = null;
    let foundAt: string | null = null;
    for (const path of discoveryPaths) {
      const url = joinUrl(baseUrl, path);
      const outcome = await this.http.send(
        { method: 'GET', url, headers: [['Accept', 'application/json']] },
        { timeoutSeconds: this.timeoutSeconds(), signal, step: 'connect' },
      );
      if (signal.aborted) throw new WorkbenchInputError('Discovery was cancelled.');
      if (!outcome.response) {
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
    this.cache.set(key, { at: this.now(), view });
    return view;
  }
}
