import type { MethodProbeRow, MethodVariant, ScopeProbeRow } from '../../shared/grant-results';
import {
  PROBE_MIN_GAP_MS,
  backoffAfter429,
  methodVerdict,
  scopeVerdict,
} from '../../shared/probe-verdicts';
import type { AuthMethod, StoredProfile } from '../../shared/profile';
import { buildScopeString } from '../../shared/scope-string';
import { readTokenResponse } from '../../shared/token-response';
import type { Failure } from '../../shared/wire';
import { WorkbenchInputError } from './errors';
import { pause } from './abortable-pause';
import { ProbePacer } from './probe-pacer';
import type { RequestRegistry } from './request-registry';
import type { TokenContext, TokenService } from './token-service';

const variants: {
  variant: MethodVariant;
  label: string;
  authMethod: AuthMethod;
  encoding: 'rfc6749' | 'raw';
}[] = [
  {
    variant: 'basic-rfc6749',
    label: 'client_secret_basic (RFC 6749 encoding)',
    authMethod: 'client_secret_basic',
    encoding: 'rfc6749',
  },
  {
    variant: 'basic-raw',
    label: 'client_secret_basic (raw)',
    authMethod: 'client_secret_basic',
    encoding: 'raw',
  },
  {
    variant: 'post',
    label: 'client_secret_post',
    authMethod: 'client_secret_post',
    encoding: 'rfc6749',
  },
];

const cancelledFailure: Failure = {
  step: 'token-endpoint',
  kind: 'cancelled',
  title: 'Probe cancelled',
  message: 'The probe was cancelled before this request was sent.',
  hint: 'Run the probe again to finish it.',
};

/**
 * The two questions asked of a fresh client: which authentication method the server accepts,
 * and which scopes the client really has. Probe tokens never replace the profile's token.
 */
export class ProbeService {
  private readonly pacer: ProbePacer;

  constructor(
    private readonly tokens: TokenService,
    private readonly registry: RequestRegistry,
    gapMs = PROBE_MIN_GAP_MS,
    private readonly maxRetries429 = 3,
  ) {
    this.pacer = new ProbePacer(gapMs);
  }

  private async confidential(
    profileId: string,
    what: string,
  ): Promise<TokenContext & { secret: string }> {
    const ctx = await this.tokens.context(profileId);
    if (!('profile' in ctx)) {
      const f = ctx.failure;
      throw new WorkbenchInputError(`${what}: ${f?.title ?? ''}. ${f?.hint ?? ''}`.trim());
    }
    if (ctx.secret === undefined) {
      throw new WorkbenchInputError(
        `${what} needs a client secret (client credentials requests); this profile is a public client.`,
        'authMethod',
      );
    }
    return { ...ctx, secret: ctx.secret };
  }

  private params(profile: StoredProfile, scopes: string[]): [string, string][] {
    const scope = buildScopeString(scopes);
    const params: [string, string][] = [['grant_type', 'client_credentials']];
    if (scope !== undefined) params.push(['scope', scope]);
    return params;
  }

  async probeAuthMethods(profileId: string, requestId: string): Promise<MethodProbeRow[]> {
    const ctx = await this.confidential(profileId, 'Probe authentication methods');
    return this.registry.run(requestId, async (signal) => {
      const rows: MethodProbeRow[] = [];
      for (const v of variants) {
        const variantCtx = {
          ...ctx,
          profile: { ...ctx.profile, authMethod: v.authMethod, basicEncoding: v.encoding },
        };
        const built = this.tokens.build(variantCtx, this.params(ctx.profile, ctx.profile.scopes));
        if (!(await this.pacer.turn(profileId, signal))) {
          rows.push({
            variant: v.variant,
            label: v.label,
            verdict: 'rejected',
            detail: 'Not sent: cancelled.',
            request: null,
            response: null,
            failure: cancelledFailure,
          });
          continue;
        }
        const sent = await this.tokens.sendRaw(built.wire, signal);
        const read = sent.response ? readTokenResponse(sent.response) : null;
        const verdict = methodVerdict({
          status: sent.response?.status ?? null,
          error: read?.failure?.error ?? null,
          issued: read?.token != null,
        });
        rows.push({
          variant: v.variant,
          label: v.label,
          ...verdict,
          request: built.shown,
          ...(built.basicDecodedShown ? { basicDecoded: built.basicDecodedShown } : {}),
          response: sent.response,
          failure: sent.failure ?? read?.failure ?? null,
        });
      }
      return rows;
    });
  }

  /** One step of the scope probe: one request for `scopes`, paced, waiting out 429s. */
  async probeScope(profileId: string, scopes: string[], requestId: string): Promise<ScopeProbeRow> {
    const ctx = await this.confidential(profileId, 'Probe scopes');
    const built = this.tokens.build(ctx, this.params(ctx.profile, scopes));
    return this.registry.run(requestId, async (signal) => {
      let retried = 0;
      for (;;) {
        const base = { scopes, request: built.shown, retriedAfter429: retried };
        if (!(await this.pacer.turn(profileId, signal))) {
          return {
            ...base,
            verdicts: [],
            error: null,
            errorDescription: null,
            grantedScopes: [],
            status: null,
            response: null,
            failure: cancelledFailure,
          };
        }
        const sent = await this.tokens.sendRaw(built.wire, signal);
        if (!sent.response) {
          return {
            ...base,
            verdicts: scopes.map((scope) => ({ scope, verdict: 'rejected' as const })),
            error: null,
            errorDescription: null,
            grantedScopes: [],
            status: null,
            response: null,
            failure: sent.failure,
          };
        }
        const res = sent.response;
        if (res.status === 429 && retried < this.maxRetries429) {
          const wait = backoffAfter429(res.headers, retried, Date.now());
          retried++;
          if (!(await pause(wait, signal))) {
            return {
              ...base,
              verdicts: [],
              error: null,
              errorDescription: null,
              grantedScopes: [],
              status: 429,
              response: res,
              failure: cancelledFailure,
            };
          }
          continue;
        }
        const read = readTokenResponse(res);
        const granted = read.token ? (read.token.scope ?? null) : null;
        return {
          ...base,
          verdicts: scopes.map((scope) => ({
            scope,
            verdict: scopeVerdict(scope, { issued: read.token !== null, grantedScopes: granted }),
          })),
          error: read.failure?.error ?? null,
          errorDescription:
            read.failure?.errorDescription ??
            (read.failure && !read.failure.error ? read.failure.title : null),
          grantedScopes: granted ?? (read.token ? [...scopes] : []),
          status: res.status,
          response: res,
          failure: read.failure,
        };
      }
    });
  }
}
