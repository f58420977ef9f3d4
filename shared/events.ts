/**
 * Events the main process pushes to the renderer (state is pushed, never polled). Names and
 * payloads live here beside the contract. Electron: `webContents.send('workbench-event:<name>')`,
 * one preload `on<Name>` method per event returning an unsubscribe function. Browser host:
 * Server-Sent Events at `GET /events`, behind the same launch key, Host and Origin checks.
 */
import type { Failure } from './wire';
import type { EndpointSource, RenewalState } from './grant-results';
import type { TokenView } from './results';
import type { Finding } from './diagnosis/finding';
import type { CheckStep, CheckSummary } from './client-check/check-types';

/** The last call to the token endpoint for a profile, whatever its outcome. */
export interface TokenAttempt {
  /** ms since epoch, main-process clock. */
  at: number;
  /** What made the call: the user, automatic renewal, a refresh, a re-send, … */
  trigger:
    | 'get-token'
    | 'refresh'
    | 'renewal'
    | 'authorization-code'
    | 'device'
    | 'resend'
    | 'secret-regenerated';
  ok: boolean;
  failure: Failure | null;
  /** The first finding of the diagnosis, when it failed. */
  finding: Finding | null;
  /** History entry of the call. */
  callId?: string;
  /** The token endpoint the call went to, and where that address came from. */
  endpoint?: { url: string; source: EndpointSource };
}

/** Token state per profile: the current token and the last attempt. */
export interface TokenStateEvent {
  profileId: string;
  /**
   * The token that is valid now, or null. When `lastAttempt.ok` is false and `token` is not null,
   * `token` is the EARLIER token and must be shown as such, never as the result of the attempt.
   */
  token: TokenView | null;
  lastAttempt: TokenAttempt | null;
}

export interface RenewalStatusEvent {
  profileId: string;
  renewal: RenewalState;
}

export interface DeviceProgressEvent {
  attemptId: string;
  profileId: string;
  status: 'pending' | 'slow-down' | 'done' | 'expired' | 'denied' | 'failed' | 'cancelled';
  polls: number;
  /** Seconds until the next poll. */
  nextPollInSeconds: number | null;
}

export interface SandboxStatusEvent {
  running: boolean;
  url: string | null;
}

/** Pushed while a client check runs (see the client-check service). */
export interface ClientCheckProgressEvent {
  runId: string;
  profileId: string;
  /** The step that changed (null on the last event, which carries the summary). */
  step: CheckStep | null;
  summary: CheckSummary | null;
  done: boolean;
}

export interface WorkbenchEvents {
  tokenState: TokenStateEvent;
  renewalStatus: RenewalStatusEvent;
  deviceProgress: DeviceProgressEvent;
  sandboxStatus: SandboxStatusEvent;
  clientCheckProgress: ClientCheckProgressEvent;
}

export type EventName = keyof WorkbenchEvents;

export const eventNames = [
  'tokenState',
  'renewalStatus',
  'deviceProgress',
  'sandboxStatus',
  'clientCheckProgress',
] as const satisfies readonly EventName[];

export function eventChannel(name: EventName): string {
  return `workbench-event:${name}`;
}

/**
 * The browser host's Server-Sent Events stream (same key, Host and Origin checks as /rpc). The
 * page opens it with `POST`, since a same-origin GET carries no Origin header to check.
 */
export const EVENTS_PATH = '/events';

/** Electron: the preload asks for the current state of an event (`name`) when a page subscribes. */
export const EVENTS_SNAPSHOT_CHANNEL = 'workbench-events:snapshot';

type Capitalized<S extends string> = S extends `${infer F}${infer R}` ? `${Uppercase<F>}${R}` : S;

/** `onTokenState(listener)` etc.: one method per event; each returns an unsubscribe function. */
export type WorkbenchEventApi = {
  [K in EventName as `on${Capitalized<K>}`]: (
    listener: (payload: WorkbenchEvents[K]) => void,
  ) => () => void;
};

export function eventMethodName<K extends EventName>(name: K): `on${Capitalized<K>}` {
  return `on${name[0]!.toUpperCase()}${name.slice(1)}` as `on${Capitalized<K>}`;
}
