/** The fuzz run's seed and size: `FUZZ_SEED`, and `FUZZ_SCALE` (npm run fuzz sets 10). */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261201);
export const FUZZ_SCALE = Math.max(1, Number(process.env.FUZZ_SCALE ?? 1));
export const RUNS_PER_OPERATION = 1000 * FUZZ_SCALE;
/** The IPC path shares the handler table with the HTTP path; a smaller share keeps the run short. */
export const IPC_RUNS_PER_OPERATION = 200 * FUZZ_SCALE;

/** Operations that wait for a person (a browser sign-in) are fuzzed with ids that do not exist. */
export const WAITS_FOR_A_PERSON = new Set(['completeAuthorization', 'pollDeviceAuthorization']);
