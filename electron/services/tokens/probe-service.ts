import { randomBytes } from 'node:crypto';
import type { MethodProbeRow, ScopeProbeRow } from '../../../shared/grant-results';
import {
  backoffAfter429,
  methodVerdicts,
  scopeVerdict,
  type MethodAnswer,
} from '../../../shared/probe-verdicts';
import type { TokenResult } from '../../../shared/results';
import type { Failure } from '../../../shared/wire';
import { WorkbenchInputError } from '../errors';
import type { MethodProbeMemory } from '../method-probe-memory';
import type { RequestRegistry } from '../request-registry';
import type { Clock } from './clock';
import type { EndpointClient } from './endpoint-client';
import { clientCredentialsParams } from './grants/client-credentials';
import { probeParams, probeVariants } from './probe-requests';
import { ProbePacer } from './probe-pacer';
import { isContext, type TokenContext, type TokenContexts } from './token-context';

const cancelledFailure: Failure = {
  step: 'token-endpoint',
  kind: 'cancelled',
  title: 'Probe cancelled',
  message: 'The probe was cancelled before this request was sent.',
  hint: 'Run the probe again to finish it.',
};

export interface ProbeDeps {
  contexts: TokenContexts;
  client: EndpointClient;
  registry: RequestRegistry;
  clock: Clock;
  /** Least time between two probe requests of one profile (PROBE_MIN_GAP_MS in the app). */
  gapMs: number;
  /** How often a 429 is waited out before the answer is taken as it is. */
  maxRetries429: number;
  /** Where the last method probe's verdicts are kept for the diagnosis. */
  methodProbes?: MethodProbeMemory;
}

/**
 * The two questions asked of a fresh client: which authentication method the server accepts,
 * and which scopes the client really has. Every probe request goes through the one pipeline;
 * probe tokens never replace the profile's token, and their results are masked like any other.
 */
export class ProbeService {
  private readonly pacer: ProbePacer;

  constructor(private readonly deps: ProbeDeps) {
    this.pacer = new ProbePacer({ gapMs: deps.gapMs, clock: deps.clock });
  }

  private async confidential(
    profileId: string,
    what: string,
    signal: AbortSignal,
  ): Promise<TokenContext & { secret: string }> {
    const ctx = await this.deps.contexts.prepare(profileId, signal);
    if (!isContext(ctx)) {
      const f = ctx.failure;
      throw new WorkbenchInputError(`${what}: ${f?.title ?? ''}. ${f?.hint ?? ''}`.trim());
    }
    if (ctx.secret === undefined) {
      throw new WorkbenchInputError(
        `${what} needs a client secret; this profile is a public client.`,
        'authMethod',
      );
    }
    return { ...ctx, secret: ctx.secret };
  }

  /** Each method in a form body, with the grant the profile uses. */
  async probeAuthMethods(profileId: string, requestId: string): Promise<MethodProbeRow[]> {
    return this.deps.registry.run(requestId, async (signal) => {
      const ctx = await this.confidential(profileId, 'Probe authentication methods', signal);
      const rows: MethodProbeRow[] = [];
      /** The answers of the requests that were sent, by row. */
      const answers = new Map<number, MethodAnswer>();
      for (const v of probeVariants) {
        const head = { variant: v.variant, label: v.label };
        if (!(await this.pacer.turn(profileId, signal))) {
          rows.push({
            ...head,
            verdict: 'undecided',
            detail: 'Not sent: cancelled.',
            request: null,
            response: null,
            failure: cancelledFailure,
          });
          continue;
        }
        const { result } = await this.deps.client.call({
          ctx,
          params: probeParams(ctx.profile),
          trigger: 'probe',
          signal,
          keep: 'none',
          shape: { authMethod: v.authMethod, basicEncoding: v.encoding, paramsAs: 'form' },
        });
        answers.set(rows.length, answerOf(result));
        rows.push({ ...head, verdict: 'undecided', detail: '', ...rowWire(result) });
      }
      const control = await this.control(ctx, rows, answers, signal);
      const verdicts = methodVerdicts([...answers.values()], control);
      [...answers.keys()].forEach((i, n) => {
        const row = rows[i];
        const v = verdicts[n];
        if (row && v) rows[i] = { ...row, ...v };
      });
      if (answers.size > 0) this.deps.methodProbes?.set(profileId, rows);
      return rows;
    });
  }

  /**
   * When a method got a token: the same request once more with a wrong secret (random, never the
   * real one). A server that issues a token for it checks no secret, and no verdict is proof.
   */
  private async control(
    ctx: TokenContext & { secret: string },
    rows: MethodProbeRow[],
    answers: Map<number, MethodAnswer>,
    signal: AbortSignal,
  ): Promise<MethodAnswer | undefined> {
    const i = [...answers.entries()].find(([, a]) => a.issued)?.[0];
    const v = probeVariants.find((p) => p.variant === rows[i ?? -1]?.variant);
    if (i === undefined || !v || !(await this.pacer.turn(ctx.profile.id, signal))) return undefined;
    const { result } = await this.deps.client.call({
      ctx,
      params: probeParams(ctx.profile),
      trigger: 'probe',
      signal,
      keep: 'none',
      secret: `token-workbench-control-${randomBytes(12).toString('hex')}`,
      shape: { authMethod: v.authMethod, basicEncoding: v.encoding, paramsAs: 'form' },
    });
    return answerOf(result);
  }

  /** One step of the scope probe: one request for `scopes`, paced, waiting out 429s. */
  async probeScope(profileId: string, scopes: string[], requestId: string): Promise<ScopeProbeRow> {
    return this.deps.registry.run(requestId, async (signal) => {
      const ctx = await this.confidential(profileId, 'Probe scopes', signal);
      const empty = { verdicts: [], error: null, errorDescription: null, grantedScopes: [] };
      let retried = 0;
      for (;;) {
        if (!(await this.pacer.turn(profileId, signal))) {
          return {
            scopes,
            request: null,
            retriedAfter429: retried,
            ...empty,
            status: null,
            response: null,
            failure: cancelledFailure,
          };
        }
        const { result, parsed } = await this.deps.client.call({
          ctx,
          params: clientCredentialsParams(scopes),
          trigger: 'probe',
          signal,
          keep: 'none',
          requestedScopes: scopes,
        });
        const base = { scopes, request: result.request, retriedAfter429: retried };
        const res = result.response;
        if (!res) {
          return {
            ...base,
            ...empty,
            verdicts: scopes.map((scope) => ({ scope, verdict: 'undecided' as const })),
            status: null,
            response: null,
            failure: result.failure,
          };
        }
        if (res.status === 429 && retried < this.deps.maxRetries429) {
          const wait = backoffAfter429(res.headers, retried, this.deps.clock.now());
          retried++;
          if (!(await this.deps.clock.pause(wait, signal))) {
            return { ...base, ...empty, status: 429, response: res, failure: cancelledFailure };
          }
          continue;
        }
        const issued = parsed !== null;
        const granted = parsed ? parsed.scope : null;
        const f = result.failure;
        return {
          ...base,
          verdicts: scopes.map((scope) => ({
            scope,
            verdict: scopeVerdict(scope, {
              issued,
              grantedScopes: granted,
              error: f?.error ?? null,
            }),
          })),
          error: f?.error ?? null,
          errorDescription: f?.errorDescription ?? (f && !f.error ? f.title : null),
          grantedScopes: granted ?? (issued ? [...scopes] : []),
          status: res.status,
          response: res,
          failure: f,
        };
      }
    });
  }
}

function answerOf(result: TokenResult) {
  return {
    status: result.response?.status ?? null,
    error: result.failure?.error ?? null,
    issued: result.token !== null,
  };
}

function rowWire(result: TokenResult) {
  return {
    request: result.request,
    ...(result.basicDecoded ? { basicDecoded: result.basicDecoded } : {}),
    response: result.response,
    failure: result.failure,
  };
}
