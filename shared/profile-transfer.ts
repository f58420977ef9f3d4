import { z } from 'zod';
import { type ProfileFields } from './profile';
import { profileFieldsSchema } from './profile-schema';

/** What `Export profiles` writes: profile fields only, never a secret or a token. */
export const EXPORT_FORMAT = 'token-workbench-profiles';

export const secretKinds = ['client_secret'] as const;

export interface ExportedProfile {
  fields: ProfileFields;
  /** Secrets the profile had that this file does not carry: enter them again after import. */
  secretsToReenter: (typeof secretKinds)[number][];
}

export interface ProfilesExport {
  format: typeof EXPORT_FORMAT;
  version: 1;
  exportedAt: string;
  /** Secrets and tokens are never exported; this line says so to whoever opens the file. */
  note: string;
  profiles: ExportedProfile[];
}

export const profilesExportSchema = z
  .object({
    format: z.literal(EXPORT_FORMAT),
    version: z.literal(1),
    exportedAt: z.string().max(100).optional(),
    note: z.string().max(1000).optional(),
    profiles: z
      .array(
        z
          .object({
            fields: profileFieldsSchema,
            secretsToReenter: z.array(z.enum(secretKinds)).max(10).default([]),
          })
          .strict(),
      )
      .max(5000),
  })
  .strict();

/** One problem in an imported file, with the JSON path of the value it concerns. */
export interface ImportProblem {
  path: string;
  message: string;
}

export interface ImportResult {
  /** Names of the profiles created; empty when the file had problems (nothing is imported then). */
  imported: { id: string; name: string; secretsToReenter: string[] }[];
  problems: ImportProblem[];
  /** What kind of file it was read as. */
  source: 'workbench' | 'postman-collection' | 'postman-environment' | 'unknown';
}

/** `$.profiles[2].fields.clientId` from a zod path. */
export function jsonPath(path: readonly PropertyKey[]): string {
  return (
    '$' +
    path
      .map((p) =>
        typeof p === 'number'
          ? `[${p}]`
          : /^[A-Za-z_$][\w$]*$/.test(String(p))
            ? `.${String(p)}`
            : `[${JSON.stringify(String(p))}]`,
      )
      .join('')
  );
}
