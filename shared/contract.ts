/**
 * The one contract between the renderer and the main process. Every operation has a name, a zod
 * schema for its input (unknown keys rejected) and a result type. Both hosts (Electron IPC and the
 * browser host's RPC) serve exactly these operations; nothing else defines a channel.
 */
import { z } from 'zod';
import { profileFieldsSchema } from './profile';
import type { ProfileView } from './profile';
import type { ApiResult, AppInfo, Settings, TokenResult, TokenView } from './results';
import type { OperationName } from './operations';

const id = z.string().min(1).max(100);
const requestId = z.string().min(8).max(100);

/** Client secret edits: absent = keep, string = replace, null = remove. */
const secretEdit = z.string().max(4096).nullable().optional();

export const schemas = {
  getAppInfo: z.object({}).strict(),
  listProfiles: z.object({}).strict(),
  saveProfile: z
    .object({ id: id.optional(), fields: profileFieldsSchema, clientSecret: secretEdit })
    .strict(),
  deleteProfile: z.object({ id }).strict(),
  createSandboxProfile: z.object({}).strict(),
  getToken: z.object({ profileId: id, requestId }).strict(),
  getCurrentToken: z.object({ profileId: id }).strict(),
  sendRequest: z
    .object({
      profileId: id,
      requestId,
      method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']),
      url: z.string().trim().min(1, 'URL is required').max(8192),
      headers: z
        .array(
          z
            .object({
              name: z.string().max(256),
              value: z.string().max(16384),
              enabled: z.boolean(),
            })
            .strict(),
        )
        .max(100),
      body: z.string().max(10_000_000),
      /** The user confirmed sending the token to another origin for this one request. */
      allowOtherOrigin: z.boolean(),
    })
    .strict(),
  cancelRequest: z.object({ requestId }).strict(),
  updateSettings: z.object({ timeoutSeconds: z.number().int().min(1).max(600) }).strict(),
} satisfies Record<OperationName, z.ZodType>;

export interface Results {
  getAppInfo: AppInfo;
  listProfiles: ProfileView[];
  saveProfile: ProfileView;
  deleteProfile: { deleted: boolean };
  createSandboxProfile: ProfileView;
  getToken: TokenResult;
  getCurrentToken: TokenView | null;
  sendRequest: ApiResult;
  cancelRequest: { cancelled: boolean };
  updateSettings: Settings;
}

export type Inputs = { [K in OperationName]: z.input<(typeof schemas)[K]> };
export type ParsedInputs = { [K in OperationName]: z.output<(typeof schemas)[K]> };

/** A call's outcome as it crosses the process boundary. */
export type Envelope<T> =
  { ok: true; value: T } | { ok: false; error: { message: string; field?: string } };

/** The API the renderer calls: one method per operation. */
export type WorkbenchApi = { [K in OperationName]: (input: Inputs[K]) => Promise<Results[K]> };

/** The same, as the transports carry it: every result wrapped in an envelope. */
export type WorkbenchTransport = {
  [K in OperationName]: (input: Inputs[K]) => Promise<Envelope<Results[K]>>;
};

/** Turns a zod error into one message that names the field. */
export function describeInputError(error: z.ZodError): { message: string; field?: string } {
  const issue = error.issues[0];
  if (!issue) return { message: 'Invalid input' };
  const field = issue.path.map(String).join('.');
  const label = field.replace(/^fields\./, '');
  const message =
    issue.message.includes(' ') && /^[A-Z]/.test(issue.message)
      ? issue.message
      : `${label || 'input'}: ${issue.message}`;
  return { message, field: label || undefined };
}
