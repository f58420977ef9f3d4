import { emptyProfileFields, type ProfileFields } from '../../shared/profile';
import type { ImportProblem } from '../../shared/profile-transfer';
import { checkOverrideUrl, parseTeamUrl } from '../../shared/team-url';

/**
 * Reads the OAuth 2.0 settings of a Postman collection (v2.1) or environment file into profile
 * fields. Only data is read: pre-request and test scripts in the file are ignored, never run.
 */
export interface PostmanProfile {
  fields: ProfileFields;
  /** The client secret when the file holds a literal one (a `{{variable}}` left open is not). */
  clientSecret: string | null;
  path: string;
}

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export function isPostmanCollection(v: unknown): boolean {
  return (
    isObj(v) &&
    isObj(v.info) &&
    typeof v.info.schema === 'string' &&
    /getpostman\.com\/json\/collection\/v2\.1/.test(v.info.schema)
  );
}

export function isPostmanEnvironment(v: unknown): boolean {
  return (
    isObj(v) &&
    Array.isArray(v.values) &&
    (v._postman_variable_scope === 'environment' || typeof v.name === 'string')
  );
}

function variablesOf(list: unknown): Map<string, string> {
  const out = new Map<string, string>();
  if (!Array.isArray(list)) return out;
  for (const v of list) {
    if (isObj(v) && typeof v.key === 'string' && v.enabled !== false && v.value !== undefined) {
      out.set(v.key, String(v.value));
    }
  }
  return out;
}

/** Resolves `{{name}}` from the file's variables; what stays open is left as it is. */
function resolve(text: string, vars: Map<string, string>): string {
  return text.replace(/\{\{\s*([\w.-]+)\s*\}\}/g, (m, name: string) => vars.get(name) ?? m);
}

const open = (s: string) => /\{\{[^}]*\}\}/.test(s);

/** Team/cluster from a Celonis URL, else Base URL (+ Token URL when it is not /oauth2/token). */
function addressFields(
  tokenUrl: string,
  baseUrl: string,
  path: string,
  problems: ImportProblem[],
): Partial<ProfileFields> {
  const source = tokenUrl || baseUrl;
  if (!source || open(source)) {
    problems.push({
      path,
      message: 'No token URL or base URL could be read (a {{variable}} without a value?)',
    });
    return {};
  }
  const team = parseTeamUrl(source);
  if (team && (!tokenUrl || new URL(tokenUrl).pathname === '/oauth2/token')) return { ...team };
  const origin = (() => {
    try {
      return new URL(baseUrl || tokenUrl).origin;
    } catch {
      return '';
    }
  })();
  const bad = checkOverrideUrl(origin);
  if (bad) {
    problems.push({ path, message: `The URL ${source} ${bad}` });
    return {};
  }
  const fields: Partial<ProfileFields> = team ? { ...team } : { baseUrl: origin };
  if (tokenUrl && new URL(tokenUrl).pathname !== '/oauth2/token') fields.tokenUrl = tokenUrl;
  return fields;
}

function scopesOf(scope: string): string[] {
  return scope.split(/[\s,]+/).filter((s) => s && !open(s));
}

function toProfile(
  name: string,
  get: (key: string) => string,
  path: string,
  problems: ImportProblem[],
): PostmanProfile | null {
  const before = problems.length;
  const grant = get('grant_type') || 'client_credentials';
  if (grant !== 'client_credentials' && grant !== 'authorization_code') {
    problems.push({
      path: `${path}.grant_type`,
      message: `Grant type ${grant} is not supported (client_credentials or authorization_code)`,
    });
  }
  const clientId = get('clientId');
  if (!clientId || open(clientId))
    problems.push({ path: `${path}.clientId`, message: 'No client ID in the OAuth 2.0 settings' });
  const address = addressFields(
    get('accessTokenUrl'),
    get('baseUrl'),
    `${path}.accessTokenUrl`,
    problems,
  );
  if (problems.length > before) return null;
  const secret = get('clientSecret');
  return {
    path,
    clientSecret: secret && !open(secret) ? secret : null,
    fields: {
      ...emptyProfileFields,
      ...address,
      name: name.slice(0, 120) || 'Imported from Postman',
      clientId,
      grantType: grant === 'authorization_code' ? 'authorization_code' : 'client_credentials',
      // Postman: "Send as Basic Auth header" = header, "Send client credentials in body" = body.
      authMethod:
        get('client_authentication') === 'body' ? 'client_secret_post' : 'client_secret_basic',
      scopes: scopesOf(get('scope')),
    },
  };
}

function authEntries(auth: unknown): Map<string, string> | null {
  if (!isObj(auth) || auth.type !== 'oauth2' || !Array.isArray(auth.oauth2)) return null;
  const out = new Map<string, string>();
  for (const e of auth.oauth2)
    if (isObj(e) && typeof e.key === 'string')
      out.set(e.key, e.value === undefined ? '' : String(e.value));
  return out;
}

export function readPostmanCollection(doc: Json, problems: ImportProblem[]): PostmanProfile[] {
  const vars = variablesOf(doc.variable);
  const baseUrl = resolve(
    vars.get('baseUrl') ?? vars.get('base_url') ?? vars.get('team_url') ?? '',
    vars,
  );
  const found: PostmanProfile[] = [];
  const seen = new Set<string>();
  const visit = (node: Json, path: string, name: string) => {
    const auth = authEntries(node.auth);
    if (auth) {
      const get = (k: string) => resolve(auth.get(k) ?? (k === 'baseUrl' ? baseUrl : ''), vars);
      const key = `${get('accessTokenUrl')}|${get('clientId')}|${get('scope')}`;
      if (!seen.has(key)) {
        seen.add(key);
        const p = toProfile(name, get, `${path}.auth.oauth2`, problems);
        if (p) found.push(p);
      }
    }
    if (Array.isArray(node.item)) {
      node.item.forEach((child, i) => {
        if (isObj(child))
          visit(
            child,
            `${path}.item[${i}]`,
            typeof child.name === 'string' ? `${name} / ${child.name}` : name,
          );
      });
    }
  };
  const title = isObj(doc.info) && typeof doc.info.name === 'string' ? doc.info.name : 'Postman';
  visit(doc, '$', title);
  if (found.length === 0 && problems.length === 0) {
    problems.push({
      path: '$.auth',
      message: 'The collection has no OAuth 2.0 authorization (auth.type "oauth2") anywhere',
    });
  }
  return found;
}

/** Common variable names for the same setting, in the order they are tried. */
const envNames: Record<string, string[]> = {
  clientId: ['client_id', 'clientId', 'clientID'],
  clientSecret: ['client_secret', 'clientSecret'],
  accessTokenUrl: ['token_url', 'access_token_url', 'accessTokenUrl', 'tokenUrl'],
  baseUrl: ['base_url', 'baseUrl', 'team_url', 'teamUrl', 'url'],
  scope: ['scope', 'scopes'],
  grant_type: ['grant_type', 'grantType'],
  client_authentication: ['client_authentication'],
};

export function readPostmanEnvironment(doc: Json, problems: ImportProblem[]): PostmanProfile[] {
  const vars = variablesOf(doc.values);
  const get = (k: string) => {
    for (const n of envNames[k] ?? [k]) {
      const v = vars.get(n);
      if (v !== undefined) return resolve(v, vars);
    }
    return '';
  };
  const name = typeof doc.name === 'string' ? doc.name : 'Postman environment';
  const p = toProfile(name, get, '$.values', problems);
  return p ? [p] : [];
}
