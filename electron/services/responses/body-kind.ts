import type { BodyInfo } from '../../../shared/body-pages';

const TEXT_TYPE =
  /^(text\/|application\/([\w.+-]*\+)?(json|xml|javascript|x-www-form-urlencoded|problem\+json|yaml|csv))/i;

/** What a body holds, from its first bytes and its content type. */
export function kindOf(head: Buffer, size: number, contentType: string | null): BodyInfo['kind'] {
  if (size === 0) return 'empty';
  const firstChar = head.toString('utf8').trimStart()[0];
  const jsonType = /json/i.test(contentType ?? '');
  if ((jsonType || !contentType) && (firstChar === '{' || firstChar === '[')) return 'json';
  if (contentType && TEXT_TYPE.test(contentType)) return 'text';
  if (head.includes(0)) return 'binary';
  if (
    contentType &&
    /^(image|audio|video|font)\/|octet-stream|zip|pdf|protobuf/i.test(contentType)
  ) {
    return 'binary';
  }
  return 'text';
}
