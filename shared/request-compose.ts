/**
 * From what a request tab holds to what is sent: profile variables resolved in the URL, headers,
 * path parameters and body, then `{placeholders}` filled from the path-parameter table. A
 * problem (unknown variable, empty path parameter) is one message naming it and its field.
 */
import { fillPathParams } from './path-params';
import type { PathParam, RequestRow } from './saved-request';
import {
  VariableError,
  VariableResolver,
  type DynamicSources,
  type ProfileVariable,
  type UsedVariable,
} from './variables';

export interface ComposableRequest {
  method: string;
  /** The URL as typed, query included. */
  url: string;
  headers: readonly RequestRow[];
  body: string;
  pathParams: readonly PathParam[];
}

export type Composed =
  | {
      ok: true;
      url: string;
      headers: RequestRow[];
      body: string;
      used: UsedVariable[];
    }
  | { ok: false; message: string; field: 'url' | 'headers' | 'body' | 'pathParams' };

function takesBody(method: string): boolean {
  return method !== 'GET' && method !== 'HEAD';
}

export function composeRequest(
  request: ComposableRequest,
  variables: readonly ProfileVariable[],
  dynamic: DynamicSources,
): Composed {
  const resolver = new VariableResolver(variables, dynamic);
  let field: 'url' | 'headers' | 'body' | 'pathParams' = 'pathParams';
  try {
    const pathParams = request.pathParams.map((p) => ({
      ...p,
      value: resolver.resolve(p.value, `path parameter {${p.name}}`),
    }));
    field = 'url';
    const filled = fillPathParams(request.url, pathParams);
    if (!filled.ok) return { ok: false, message: filled.message, field: 'pathParams' };
    const url = resolver.resolve(filled.url, 'URL');
    field = 'headers';
    const headers = request.headers
      .filter((h) => h.enabled && h.name.trim() !== '')
      .map((h) => ({
        name: resolver.resolve(h.name.trim(), `header ${h.name.trim()}`),
        value: resolver.resolve(h.value, `header ${h.name.trim()}`),
        enabled: true,
      }));
    field = 'body';
    const body = takesBody(request.method) ? resolver.resolve(request.body, 'body') : '';
    return { ok: true, url, headers, body, used: [...resolver.used.values()] };
  } catch (error) {
    if (error instanceof VariableError) return { ok: false, message: error.message, field };
    throw error;
  }
}
