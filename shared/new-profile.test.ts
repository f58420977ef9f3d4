import { describe, expect, it } from 'vitest';
import { newProfileFields, withImportedLead } from './new-profile';
import { emptyProfileFields } from './profile';
import { profileFieldsSchema } from './profile-schema';

describe('new profile fields', () => {
  it('start with the renewal lead time from Settings', () => {
    const fields = newProfileFields(300);
    expect(fields).toEqual({ ...emptyProfileFields, renewLeadSeconds: 300 });
    fields.scopes.push('studio');
    expect(emptyProfileFields.scopes).toEqual([]);
  });

  it('keep an imported lead time and fill in the Settings one where the file gave none', () => {
    const raw = { ...emptyProfileFields, name: 'A', clientId: 'c', sandbox: true };
    const { renewLeadSeconds: _omit, ...withoutLead } = raw;
    const parsedWithout = profileFieldsSchema.parse(withoutLead);
    expect(parsedWithout.renewLeadSeconds).toBe(60);
    expect(withImportedLead(parsedWithout, withoutLead, 240).renewLeadSeconds).toBe(240);

    const given = { ...raw, renewLeadSeconds: 45 };
    expect(withImportedLead(profileFieldsSchema.parse(given), given, 240).renewLeadSeconds).toBe(
      45,
    );
  });
});
