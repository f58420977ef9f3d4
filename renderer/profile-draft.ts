import type { Inputs } from '../shared/contract';
import { newProfileFields } from '../shared/new-profile';
import { emptyProfileFields } from '../shared/profile';
import type { ProfileFields, ProfileView } from '../shared/profile';
import { parseTeamUrl } from '../shared/team-url';
import { sameVariables } from '../shared/variables';

/** What the user is editing: the fields plus a pending secret change. Kept until saved. */
export interface ProfileDraft {
  fields: ProfileFields;
  /** A typed replacement secret; empty = keep the saved one. */
  secret: string;
  /** The user asked to remove the saved secret. */
  removeSecret: boolean;
  /** The last save error, on a field when the main process named one. */
  error: { message: string; field: string | null } | null;
}

const fieldKeys = Object.keys(emptyProfileFields) as (keyof ProfileFields)[];

export function fieldsOf(profile: ProfileView): ProfileFields {
  const out: Record<string, unknown> = {};
  for (const key of fieldKeys) out[key] = profile[key];
  return out as unknown as ProfileFields;
}

/** `renewalLeadSeconds`: the Settings value a new profile (profile null) starts with. */
export function draftOf(profile: ProfileView | null, renewalLeadSeconds = 60): ProfileDraft {
  return {
    fields: profile ? fieldsOf(profile) : newProfileFields(renewalLeadSeconds),
    secret: '',
    removeSecret: false,
    error: null,
  };
}

function sameFields(a: ProfileFields, b: ProfileFields): boolean {
  return fieldKeys.every((key) => {
    if (key === 'scopes') return a.scopes.join('\n') === b.scopes.join('\n');
    if (key === 'variables') return sameVariables(a.variables, b.variables);
    return a[key] === b[key];
  });
}

export function isDirty(
  draft: ProfileDraft,
  profile: ProfileView | null,
  renewalLeadSeconds = 60,
): boolean {
  if (draft.secret !== '' || draft.removeSecret) return true;
  return !sameFields(
    draft.fields,
    profile ? fieldsOf(profile) : newProfileFields(renewalLeadSeconds),
  );
}

/** The `saveProfile` input: an empty secret field keeps the saved secret. */
export function saveInput(draft: ProfileDraft, id: string | null): Inputs['saveProfile'] {
  const clientSecret = draft.removeSecret ? null : draft.secret !== '' ? draft.secret : undefined;
  return {
    ...(id ? { id } : {}),
    fields: draft.fields,
    ...(clientSecret !== undefined ? { clientSecret } : {}),
  };
}

/** The form field an error names: `fields.scopes.3` and `scopes.3` both become `scopes`. */
export function errorField(field: string | undefined | null): string | null {
  if (!field) return null;
  const path = field.replace(/^fields\./, '');
  return path.split('.')[0] || null;
}

/**
 * A Team or Cluster edit. A pasted team URL (`https://acme.eu-1.celonis.cloud/...`) fills both;
 * anything else only changes the field typed into.
 */
export function withTeamInput(
  fields: ProfileFields,
  which: 'team' | 'cluster',
  value: string,
): ProfileFields {
  const parsed = value.includes('.') ? parseTeamUrl(value) : null;
  if (parsed) return { ...fields, team: parsed.team, cluster: parsed.cluster };
  return { ...fields, [which]: value };
}
