import type { MethodEvidence } from '../../shared/diagnosis/inputs';

type ProbeVerdicts = NonNullable<MethodEvidence['probe']>;

/**
 * The last method probe's verdicts per profile, for this run: the evidence the diagnosis needs
 * before it suggests another authentication method after invalid_client.
 */
export class MethodProbeMemory {
  private readonly last = new Map<string, ProbeVerdicts>();

  set(profileId: string, verdicts: ProbeVerdicts): void {
    this.last.set(
      profileId,
      verdicts.map(({ variant, verdict }) => ({ variant, verdict })),
    );
  }

  get(profileId: string): ProbeVerdicts | undefined {
    return this.last.get(profileId);
  }
}
