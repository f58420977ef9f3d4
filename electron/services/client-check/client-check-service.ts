import {
  checkStepIds,
  maskClientId,
  pendingStep,
  type CheckStep,
  type CheckStepId,
  type ClientCheckResult,
} from '../../../shared/client-check/check-types';
import { summarizeCheck } from '../../../shared/client-check/check-summary';
import { discoveryStep, teamAddressStep, tokenEndpointStep } from './address-steps';
import type { ClientCheckDeps, RunState, StepRunner } from './check-deps';
import { EvidenceMasker } from './check-evidence';
import { authMethodStep, jwtStep, tokenStep } from './credential-steps';
import { apisStep } from './api-steps';
import { scopesStep } from './scope-steps';

const runners: Record<CheckStepId, StepRunner> = {
  'team-address': teamAddressStep,
  discovery: discoveryStep,
  'token-endpoint': tokenEndpointStep,
  'auth-method': authMethodStep,
  token: tokenStep,
  'jwt-signature': jwtStep,
  scopes: scopesStep,
  apis: apisStep,
};

export interface CheckOptions {
  runId: string;
  scopeProbe: boolean;
  /** Shown in the report. */
  appVersion: string;
}

/**
 * "Check this client": runs the steps in order for one profile, pushes each step's progress,
 * and keeps the last result per profile. It never sends anything but GET to an API and never
 * more than one call per scope (see scope-steps.ts). Cancelling the signal stops it at any step.
 */
export class ClientCheckService {
  constructor(private readonly deps: ClientCheckDeps) {}

  async run(
    profileId: string,
    options: CheckOptions,
    signal: AbortSignal,
  ): Promise<ClientCheckResult> {
    const { deps } = this;
    const profile = deps.profile(profileId);
    const masker = new EvidenceMasker();
    masker.hide(await deps.secret(profileId).catch(() => null));
    const baseUrl = await deps.baseUrl(profile);
    const result: ClientCheckResult = {
      runId: options.runId,
      profileId,
      profileName: profile.name,
      appVersion: options.appVersion,
      startedAt: deps.now(),
      finishedAt: null,
      team: profile.team,
      cluster: profile.cluster,
      baseUrl,
      sandbox: profile.sandbox,
      clientIdMasked: maskClientId(profile.clientId),
      authMethod: profile.authMethod,
      requestedScopes: [...profile.scopes],
      scopeProbe: options.scopeProbe,
      steps: checkStepIds.map(pendingStep),
      summary: null,
    };
    const state: RunState = {
      profile,
      masker,
      scopeProbe: options.scopeProbe,
      baseUrl,
      rootAnswered: false,
      discovery: null,
      tokenUrl: null,
      tokenEndpointAnswers: false,
      authenticated: null,
      token: null,
      probedScopes: null,
    };
    const push = (step: CheckStep) =>
      deps.publish({ runId: options.runId, profileId, step, summary: null, done: false });

    for (let i = 0; i < result.steps.length; i++) {
      if (signal.aborted) break;
      const step = result.steps[i]!;
      step.status = 'running';
      step.startedAt = deps.now();
      push({ ...step });
      let outcome;
      try {
        outcome = await runners[step.id](state, deps, signal);
      } catch (err) {
        outcome = signal.aborted
          ? { status: 'skipped' as const, reason: 'Cancelled.' }
          : {
              status: 'undecided' as const,
              reason: `The step could not run: ${masker.text(err instanceof Error ? err.message : String(err))}`,
            };
      }
      if (signal.aborted && outcome.status !== 'failed') {
        outcome = { ...outcome, status: 'skipped' as const, reason: 'Cancelled.' };
      }
      Object.assign(step, outcome, { durationMs: deps.now() - step.startedAt });
      result.steps[i] = step;
      push({ ...step });
    }
    result.finishedAt = deps.now();
    result.summary = summarizeCheck(result.steps, signal.aborted);
    deps.saveResult(result);
    deps.publish({
      runId: options.runId,
      profileId,
      step: null,
      summary: result.summary,
      done: true,
    });
    return result;
  }
}
