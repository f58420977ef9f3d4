// The zod schemas of saved requests and request drafts (see saved-request.ts): validation in the
// main process and the contract. Kept apart so that the renderer loads no zod.
import { z } from 'zod';
import {
  apiKeySchemes,
  requestAuthChoices,
  SAVED_BODY_MAX,
  savedRequestMethods,
} from './saved-request';

const rowName = z.string().max(256);
const rowValue = z.string().max(16384);

export const requestRowSchema = z
  .object({ name: rowName, value: rowValue, enabled: z.boolean() })
  .strict();
export type RequestRow = z.infer<typeof requestRowSchema>;

export const pathParamSchema = z.object({ name: rowName, value: rowValue }).strict();
export type PathParam = z.infer<typeof pathParamSchema>;

/** What the user edits in a request tab. */
export const savedRequestFieldsSchema = z
  .object({
    name: z.string().trim().min(1, 'Request name is required').max(120),
    method: z.enum(savedRequestMethods),
    /** The URL without its query: a path (resolved against the profile) or a full URL. */
    url: z.string().max(8192),
    /** Query parameters; disabled rows are kept but not sent. */
    query: z.array(requestRowSchema).max(100),
    headers: z.array(requestRowSchema).max(100),
    body: z.string().max(SAVED_BODY_MAX, 'Body is larger than 1 MB: too large to save'),
    auth: z.enum(requestAuthChoices),
    apiKeyScheme: z.enum(apiKeySchemes),
    /** Values for the `{placeholders}` in the URL's path. */
    pathParams: z.array(pathParamSchema).max(50),
  })
  .strict();
export type SavedRequestFields = z.infer<typeof savedRequestFieldsSchema>;

/** A draft may be unnamed (a fresh tab): its name is empty until the user names it. */
export const requestDraftFieldsSchema = savedRequestFieldsSchema.extend({
  name: z.string().trim().max(120),
});
export type RequestDraftFields = z.infer<typeof requestDraftFieldsSchema>;
