import { apiCatalog, type ApiEndpoint } from './api-catalog';
import { syncPathParams } from './path-params';
import { emptyRequestFields, type RequestDraftFields } from './saved-request';

/**
 * The preset a "try this scope" fix opens: the scope's first GET without path parameters (it can
 * be sent at once), else its first GET, else its first endpoint; null when the catalog has none.
 */
export function presetForScope(scope: string): ApiEndpoint | null {
  const list = apiCatalog.filter((e) => e.scope === scope);
  return (
    list.find((e) => e.method === 'GET' && e.pathParams.length === 0) ??
    list.find((e) => e.method === 'GET') ??
    list[0] ??
    null
  );
}

/** A new request tab's fields with the preset chosen: method, path, query rows, path params. */
export function presetRequestFields(endpoint: ApiEndpoint): RequestDraftFields {
  const query = [...new URLSearchParams(endpoint.query)].map(([name, value]) => ({
    name,
    value,
    enabled: true,
  }));
  return {
    ...emptyRequestFields,
    headers: emptyRequestFields.headers.map((h) => ({ ...h })),
    method: endpoint.method,
    url: endpoint.path,
    query,
    pathParams: syncPathParams(endpoint.path, []),
  };
}
