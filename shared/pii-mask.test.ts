import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  PII_MASK,
  isValidIban,
  maskPersonalData,
  maskPersonalHeaders,
  passesLuhn,
  type PiiKind,
} from './pii-mask';

describe('personal-data masking', () => {
  it('masks e-mail addresses in JSON bodies and free text', () => {
    const body =
      '{"id":"u-1","email":"alan@example.com","note":"cc katherine.j+ops@mail.sandbox.io"}';
    const found = new Map<PiiKind, number>();
    const out = maskPersonalData(body, found);
    expect(out).toBe(
      `{"id":"u-1","email":"${PII_MASK}@${PII_MASK}","note":"cc ${PII_MASK}@${PII_MASK}"}`,
    );
    expect(found.get('email')).toBe(2);
  });

  it('masks international phone numbers, not ids, versions or timestamps', () => {
    expect(maskPersonalData('call +49 30 1234567 now')).toBe(`call +${PII_MASK} now`);
    expect(maskPersonalData('"+1 (415) 555-0100"')).toBe(`"+${PII_MASK}"`);
    for (const keep of ['1733062800000', 'v1.2.3', '2026-12-01T16:21:05Z', '+42', 'a+1234567890b'])
      expect(maskPersonalData(keep)).toBe(keep);
  });

  it('masks IBANs whose checksum holds, grouped or not, and keeps look-alikes', () => {
    expect(isValidIban('DE89370400440532013000')).toBe(true);
    expect(maskPersonalData('iban DE89370400440532013000.')).toBe(`iban DE${PII_MASK}.`);
    expect(maskPersonalData('GB82 WEST 1234 5698 7654 32 TEST')).toBe(`GB${PII_MASK} TEST`);
    expect(maskPersonalData('DE00370400440532013000')).toBe('DE00370400440532013000');
    expect(maskPersonalData('AB12CDEF3456789012')).toBe('AB12CDEF3456789012');
  });

  it('masks card numbers that pass Luhn, keeping the last four digits', () => {
    expect(passesLuhn('4111111111111111')).toBe(true);
    expect(maskPersonalData('card 4111 1111 1111 1111')).toBe(`card ${PII_MASK} 1111`);
    expect(maskPersonalData('4111-1111-1111-1112')).toBe('4111-1111-1111-1112');
    // A 13-digit millisecond timestamp passing Luhn is not a card.
    const ts = '1733062800003';
    expect(passesLuhn(ts)).toBe(true);
    expect(maskPersonalData(ts)).toBe(ts);
  });

  it('masks person-name and phone fields of JSON, not other names', () => {
    const line =
      '  "firstName": "Alan", "last_name": "Turing", "name": "Order to cash", "phone": "030 123"';
    expect(maskPersonalData(line)).toBe(
      `  "firstName": "${PII_MASK}", "last_name": "${PII_MASK}", "name": "Order to cash", "phone": "${PII_MASK}"`,
    );
  });

  it('leaves UUIDs, URLs without addresses and numbers alone', () => {
    const text =
      '{"id":"3f2b9c1e-8d4a-4b7e-9a51-2c6d8e0f1a23","href":"https://team.eu-1.celonis.cloud/api?x=1","total":42}';
    expect(maskPersonalData(text)).toBe(text);
  });

  it('masks header values and keeps header names', () => {
    expect(maskPersonalHeaders([['x-user', 'ann@example.org']])).toEqual([
      ['x-user', `${PII_MASK}@${PII_MASK}`],
    ]);
  });

  it('never leaves an e-mail address behind, whatever surrounds it', () => {
    // An apostrophe opens a quoted text more often than an address: not a first character.
    const addresses = fc.emailAddress().filter((e) => !e.startsWith("'"));
    fc.assert(
      fc.property(addresses, fc.string(), fc.string(), (email, before, after) => {
        const out = maskPersonalData(`${before} ${email} ${after}`);
        expect(out.includes(email)).toBe(false);
      }),
    );
  });
});
