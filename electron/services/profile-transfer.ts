import type { z } from 'zod';
import {
  EXPORT_FORMAT,
  jsonPath,
  profilesExportSchema,
  type ImportProblem,
  type ImportResult,
  type ProfilesExport,
} from '../../shared/profile-transfer';
import { withImportedLead } from '../../shared/new-profile';
import { pickProfileFields, type ProfileFields } from '../../shared/profile';
import { profileFieldsSchema } from '../../shared/profile-schema';
import {
  isPostmanCollection,
  isPostmanEnvironment,
  readPostmanCollection,
  readPostmanEnvironment,
} from './postman-import';
import { uniqueName, type ProfileService } from './profile-service';

function zodProblems(error: z.ZodError, prefix: readonly PropertyKey[] = []): ImportProblem[] {
  return error.issues.map((i) => ({
    path: jsonPath([...prefix, ...i.path]),
    message: i.message,
  }));
}

/** Profiles to and from files. Export holds no secret or token; import only reads data. */
export class ProfileTransfer {
  private readonly profiles: ProfileService;
  private readonly now: () => Date;
  /** The renewal lead time (Settings) for imported profiles whose file gives none. */
  private readonly renewalLeadSeconds: () => number;

  constructor(deps: {
    profiles: ProfileService;
    now: () => Date;
    renewalLeadSeconds: () => number;
  }) {
    this.profiles = deps.profiles;
    this.now = deps.now;
    this.renewalLeadSeconds = deps.renewalLeadSeconds;
  }

  async exportAll(): Promise<{ fileName: string; json: string; count: number }> {
    const list = await this.profiles.list();
    const doc: ProfilesExport = {
      format: EXPORT_FORMAT,
      version: 1,
      exportedAt: this.now().toISOString(),
      note: 'Client secrets and tokens are never exported. Enter the secrets listed under secretsToReenter after importing.',
      profiles: list.map((p) => ({
        fields: pickProfileFields(p),
        secretsToReenter: p.hasSecret ? ['client_secret'] : [],
      })),
    };
    const day = doc.exportedAt.slice(0, 10);
    return {
      fileName: `token-workbench-profiles-${day}.json`,
      json: `${JSON.stringify(doc, null, 2)}\n`,
      count: list.length,
    };
  }

  /** Validates the whole file first; imports nothing when any problem is found. */
  async importText(text: string): Promise<ImportResult> {
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch (err) {
      const message = err instanceof SyntaxError ? err.message : 'unreadable';
      return {
        imported: [],
        source: 'unknown',
        problems: [{ path: '$', message: `Not valid JSON: ${message}` }],
      };
    }
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
      return {
        imported: [],
        source: 'unknown',
        problems: [{ path: '$', message: 'Expected a JSON object' }],
      };
    }
    const obj = doc as Record<string, unknown>;
    const items: { fields: ProfileFields; secret: string | null; reenter: string[] }[] = [];
    let source: ImportResult['source'];
    const problems: ImportProblem[] = [];

    if (obj.format === EXPORT_FORMAT) {
      source = 'workbench';
      const parsed = profilesExportSchema.safeParse(doc);
      if (!parsed.success) return { imported: [], source, problems: zodProblems(parsed.error) };
      const rawProfiles = (obj.profiles ?? []) as { fields?: unknown }[];
      parsed.data.profiles.forEach((p, i) => {
        const fields = withImportedLead(
          p.fields,
          rawProfiles[i]?.fields,
          this.renewalLeadSeconds(),
        );
        items.push({ fields, secret: null, reenter: p.secretsToReenter });
      });
    } else if (isPostmanCollection(doc) || isPostmanEnvironment(doc)) {
      source = isPostmanCollection(doc) ? 'postman-collection' : 'postman-environment';
      const read =
        source === 'postman-collection'
          ? readPostmanCollection(obj, problems)
          : readPostmanEnvironment(obj, problems);
      for (const p of read) {
        const fields = profileFieldsSchema.safeParse(p.fields);
        if (!fields.success) {
          problems.push(
            ...zodProblems(fields.error).map((x) => ({
              ...x,
              path: `${p.path}${x.path.slice(1)}`,
            })),
          );
          continue;
        }
        items.push({
          fields: { ...fields.data, renewLeadSeconds: this.renewalLeadSeconds() },
          secret: p.clientSecret,
          reenter: p.clientSecret ? [] : ['client_secret'],
        });
      }
    } else {
      return {
        imported: [],
        source: 'unknown',
        problems: [
          {
            path: '$.format',
            message: `Not a Token Workbench export ("format": "${EXPORT_FORMAT}"), a Postman collection v2.1 or a Postman environment`,
          },
        ],
      };
    }
    if (problems.length > 0) return { imported: [], source, problems };

    const taken = this.profiles.names();
    const imported: ImportResult['imported'] = [];
    for (const item of items) {
      const name = uniqueName(item.fields.name, taken);
      taken.add(name);
      const view = await this.profiles.save({
        fields: { ...item.fields, name },
        ...(item.secret ? { clientSecret: item.secret } : {}),
      });
      imported.push({ id: view.id, name, secretsToReenter: item.reenter });
    }
    return { imported, problems: [], source };
  }
}
