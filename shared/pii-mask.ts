/**
 * Presentation mode for personal data in API answers: e-mail addresses, phone numbers in
 * international form, IBANs (checksum verified), payment-card numbers (Luhn verified) and the
 * values of person-name and phone fields in JSON. Precise on purpose: ids, timestamps, UUIDs and
 * version numbers are left alone. Pure; applied line by line where bodies and headers are shown.
 */

export const PII_MASK = '••••';

export type PiiKind = 'email' | 'phone' | 'iban' | 'card' | 'person-field';

const EMAIL =
  /[A-Za-z0-9!#$%&*+/=?^_`{|}~-](?:[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{0,63})@(?:[A-Za-z0-9-]{1,63}\.)+(?:[A-Za-z]{2,24}|xn--[A-Za-z0-9-]{1,59})\b/g;
/** `+` then 8–15 digits, with single spaces, dots, dashes or one pair of parentheses between. */
const PHONE = /(?<![\w+])\+\d(?:[ .-]?\(?\d\)?){7,14}(?!\d)/g;
/** Two letters, two check digits, 11–30 letters or digits: contiguous or in groups of four. */
const IBAN = /\b[A-Z]{2}\d{2}(?:[A-Z0-9]{11,30}|(?: [A-Z0-9]{4}){2,7}(?: [A-Z0-9]{1,4})?)\b/g;
/** 13–19 digits, either contiguous or in groups separated by single spaces or dashes. */
const CARD = /(?<![\w.-])\d(?:[ -]?\d){12,18}(?![\w.-])/g;
/** JSON string members that hold a person's name or phone number. */
const PERSON_FIELD =
  /("(?:first_?name|last_?name|full_?name|given_?name|family_?name|middle_?name|display_?name|phone(?:_?number)?|mobile(?:_?phone)?|telephone|fax|birth_?date|date_?of_?birth)"\s*:\s*")((?:[^"\\]|\\.)+)"/gi;

function digits(text: string): string {
  return text.replace(/\D/g, '');
}

/** ISO 13616 check: the IBAN moved and read as a number is 1 modulo 97. */
export function isValidIban(candidate: string): boolean {
  const iban = candidate.replace(/ /g, '');
  if (iban.length < 15 || iban.length > 34) return false;
  const moved = iban.slice(4) + iban.slice(0, 4);
  let rest = 0;
  for (const ch of moved) {
    const code = ch >= 'A' && ch <= 'Z' ? String(ch.charCodeAt(0) - 55) : ch;
    for (const d of code) rest = (rest * 10 + Number(d)) % 97;
  }
  return rest === 1;
}

/** Luhn check used by payment cards. */
export function passesLuhn(number: string): boolean {
  let sum = 0;
  for (let i = 0; i < number.length; i++) {
    let d = Number(number[number.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

function looksLikeCard(match: string): boolean {
  const n = digits(match);
  if (n.length < 13 || n.length > 19 || !passesLuhn(n)) return false;
  // Contiguous digits are often ids or millisecond timestamps: only card-like prefixes count.
  const grouped = /[ -]/.test(match);
  return grouped ? /^(?:\d{4}[ -]){2,4}\d{1,4}$/.test(match) : /^[3-6]/.test(n) && n.length >= 15;
}

/** Masks every personal-data pattern in the text; `found` counts what was masked, by kind. */
export function maskPersonalData(text: string, found?: Map<PiiKind, number>): string {
  const count = (kind: PiiKind) => found?.set(kind, (found.get(kind) ?? 0) + 1);
  return text
    .replace(PERSON_FIELD, (_m, head: string) => {
      count('person-field');
      return `${head}${PII_MASK}"`;
    })
    .replace(EMAIL, () => {
      count('email');
      return `${PII_MASK}@${PII_MASK}`;
    })
    .replace(IBAN, (m) => {
      // A grouped match may have taken a word after the IBAN: drop trailing groups until valid.
      let candidate = m;
      while (!isValidIban(candidate) && / [A-Z0-9]{1,4}$/.test(candidate))
        candidate = candidate.replace(/ [A-Z0-9]{1,4}$/, '');
      if (!isValidIban(candidate)) return m;
      count('iban');
      return `${m.slice(0, 2)}${PII_MASK}${m.slice(candidate.length)}`;
    })
    .replace(CARD, (m) => {
      if (!looksLikeCard(m)) return m;
      count('card');
      return `${PII_MASK} ${digits(m).slice(-4)}`;
    })
    .replace(PHONE, (m) => {
      const n = digits(m).length;
      if (n < 8 || n > 15) return m;
      count('phone');
      return `+${PII_MASK}`;
    });
}

/** Header values masked the same way (names are kept). */
export function maskPersonalHeaders(headers: readonly [string, string][]): [string, string][] {
  return headers.map(([name, value]) => [name, maskPersonalData(value)]);
}
