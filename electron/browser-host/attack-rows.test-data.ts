// The rows of the browser-host attack table (attack-table.test.ts): one altered request each.
export type Headers = Record<string, string | string[]>;
export interface Row {
  name: string;
  method?: string;
  path?: string;
  /** Changes to the headers of a good call; undefined removes the header. */
  change: (h: Headers) => Headers;
  status: number;
}

export const without = (h: Headers, name: string): Headers => {
  const { [name]: _gone, ...rest } = h;
  return rest;
};

/** Altered RPC calls and the status each must get, for a host on `port` with launch key `key`. */
export function rpcAttackRows(port: number, key: string): Row[] {
  const withHost = (value: string) => (h: Headers) => ({
    ...h,
    host: value.replace('PORT', String(port)),
    origin: `http://${value.replace('PORT', String(port))}`,
  });
  return [
    // The launch key.
    { name: 'key missing', change: (h) => without(h, 'x-workbench-key'), status: 401 },
    { name: 'key empty', change: (h) => ({ ...h, 'x-workbench-key': '' }), status: 401 },
    {
      name: 'key wrong, same length',
      change: (h) => ({ ...h, 'x-workbench-key': 'x'.repeat(key.length) }),
      status: 401,
    },
    {
      name: 'key one character short',
      change: (h) => ({ ...h, 'x-workbench-key': key.slice(0, -1) }),
      status: 401,
    },
    {
      name: 'key with a suffix',
      change: (h) => ({ ...h, 'x-workbench-key': `${key}x` }),
      status: 401,
    },
    {
      name: 'key in other case',
      change: (h) => ({
        ...h,
        'x-workbench-key': key.toUpperCase() === key ? key.toLowerCase() : key.toUpperCase(),
      }),
      status: 401,
    },
    {
      name: 'key only in the query',
      path: `/rpc/listProfiles?key=KEY`,
      change: (h) => without(h, 'x-workbench-key'),
      status: 401,
    },
    {
      name: 'key in the query and a wrong header',
      path: `/rpc/listProfiles?key=KEY`,
      change: (h) => ({ ...h, 'x-workbench-key': 'wrong' }),
      status: 401,
    },
    {
      name: 'key duplicated',
      change: (h) => ({ ...h, 'x-workbench-key': [key, key] }),
      status: 401,
    },
    {
      name: 'key duplicated after a wrong one',
      change: (h) => ({ ...h, 'x-workbench-key': ['wrong', key] }),
      status: 401,
    },
    {
      name: 'key in a cookie',
      change: (h) => ({ ...without(h, 'x-workbench-key'), cookie: `key=${key}` }),
      status: 401,
    },
    {
      name: 'key as a Bearer token',
      change: (h) => ({ ...without(h, 'x-workbench-key'), authorization: `Bearer ${key}` }),
      status: 401,
    },
    // Host (DNS rebinding).
    { name: 'Host a foreign name', change: withHost('evil.example:PORT'), status: 421 },
    { name: 'Host a foreign name without port', change: withHost('evil.example'), status: 421 },
    { name: 'Host 0.0.0.0', change: withHost('0.0.0.0:PORT'), status: 421 },
    { name: 'Host a decimal IP', change: withHost('2130706433:PORT'), status: 421 },
    { name: 'Host a hexadecimal IP', change: withHost('0x7f000001:PORT'), status: 421 },
    { name: 'Host 127.1', change: withHost('127.1:PORT'), status: 421 },
    { name: 'Host with a trailing dot', change: withHost('127.0.0.1.:PORT'), status: 421 },
    {
      name: 'Host localhost with a trailing dot',
      change: withHost('localhost.:PORT'),
      status: 421,
    },
    { name: 'Host [::1]', change: withHost('[::1]:PORT'), status: 421 },
    { name: 'Host in upper case', change: withHost('LOCALHOST:PORT'), status: 421 },
    { name: 'Host another port', change: withHost('127.0.0.1:1'), status: 421 },
    // Node's HTTP parser itself refuses an HTTP/1.1 request without Host.
    { name: 'Host missing', change: (h) => without(h, 'host'), status: 400 },
    { name: 'Host a subdomain of localhost', change: withHost('evil.localhost:PORT'), status: 421 },
    // Origin on a state-changing call.
    { name: 'Origin null', change: (h) => ({ ...h, origin: 'null' }), status: 403 },
    {
      name: 'Origin foreign',
      change: (h) => ({ ...h, origin: 'http://evil.example' }),
      status: 403,
    },
    { name: 'Origin missing', change: (h) => without(h, 'origin'), status: 403 },
    {
      name: 'Origin https',
      change: (h) => ({ ...h, origin: `https://127.0.0.1:${port}` }),
      status: 403,
    },
    {
      name: 'Origin another port',
      change: (h) => ({ ...h, origin: `http://127.0.0.1:${port + 1}` }),
      status: 403,
    },
    {
      name: 'Origin localhost for Host 127.0.0.1',
      change: (h) => ({ ...h, origin: `http://localhost:${port}` }),
      status: 403,
    },
    {
      name: 'Origin with a path',
      change: (h) => ({ ...h, origin: `http://127.0.0.1:${port}/` }),
      status: 403,
    },
    {
      name: 'Origin duplicated',
      change: (h) => ({ ...h, origin: [h.origin as string, 'http://evil.example'] }),
      status: 403,
    },
    // Content type (simple requests another page could send without a preflight).
    {
      name: 'form encoded',
      change: (h) => ({ ...h, 'content-type': 'application/x-www-form-urlencoded' }),
      status: 415,
    },
    {
      name: 'multipart',
      change: (h) => ({ ...h, 'content-type': 'multipart/form-data; boundary=x' }),
      status: 415,
    },
    { name: 'text/plain', change: (h) => ({ ...h, 'content-type': 'text/plain' }), status: 415 },
    { name: 'no content type', change: (h) => without(h, 'content-type'), status: 415 },
    // Methods and names.
    { name: 'GET on an operation', method: 'GET', change: (h) => h, status: 405 },
    { name: 'PUT on an operation', method: 'PUT', change: (h) => h, status: 405 },
    { name: 'an unknown operation', path: '/rpc/evalCode', change: (h) => h, status: 404 },
    {
      name: 'a prototype name as operation',
      path: '/rpc/__proto__',
      change: (h) => h,
      status: 404,
    },
    { name: 'constructor as operation', path: '/rpc/constructor', change: (h) => h, status: 404 },
    {
      name: 'an operation with a trailing slash',
      path: '/rpc/listProfiles/',
      change: (h) => h,
      status: 404,
    },
    {
      name: 'an operation in other case',
      path: '/rpc/LISTPROFILES',
      change: (h) => h,
      status: 404,
    },
    {
      name: 'an encoded operation name',
      path: '/rpc/list%50rofiles',
      change: (h) => h,
      status: 404,
    },
  ];
}
