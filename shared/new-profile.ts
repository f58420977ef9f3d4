import { emptyProfileFields, type ProfileFields } from './profile';

/** The fields a new profile starts with: empty, with the renewal lead time set in Settings. */
export function newProfileFields(renewalLeadSeconds: number): ProfileFields {
  return { ...emptyProfileFields, scopes: [], renewLeadSeconds: renewalLeadSeconds };
}

/**
 * An imported profile's fields: when the file did not give a renewal lead time (the schema then
 * filled in its default), the one set in Settings.
 */
export function withImportedLead(
  fields: ProfileFields,
  rawFields: unknown,
  renewalLeadSeconds: number,
): ProfileFields {
  const given =
    typeof rawFields === 'object' && rawFields !== null && 'renewLeadSeconds' in rawFields;
  return given ? fields : { ...fields, renewLeadSeconds: renewalLeadSeconds };
}
