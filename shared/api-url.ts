import { joinUrl } from './team-url';
import type { Failure } from './wire';

/**
 * The URL an API request goes to: a path is resolved against the profile's base URL, a full
 * http(s) URL is taken as it is; anything else is a Failure that names the URL.
 */
export function resolveApiUrl(input: string, baseUrl: string | null): string | Failure {
  const text = input.trim();
  const invalid = (message: string): Failure => ({
    step: 'prepare',
    kind: 'invalid-input',
    title: 'URL is not valid',
    message,
    hint: 'Enter a path such as /api/external/members or a full https:// URL.',
  });
  if (/^[a-z][a-z0-9+.-]*:/i.test(text)) {
    try {
      const u = new URL(text);
      if (u.protocol !== 'http:' && u.protocol !== 'https:')
        return invalid(`URL must use http or https, not ${u.protocol}`);
      return u.toString();
    } catch {
      return invalid(`URL "${text}" cannot be parsed.`);
    }
  }
  if (!baseUrl) return invalid('The profile has no base URL to resolve a path against.');
  try {
    return new URL(joinUrl(baseUrl, text)).toString();
  } catch {
    return invalid(`Path "${text}" cannot be joined to ${baseUrl}.`);
  }
}
