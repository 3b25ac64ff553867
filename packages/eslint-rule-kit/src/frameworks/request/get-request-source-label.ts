import type { RequestSourceKind } from './types.js';

const LABELS: Readonly<Record<RequestSourceKind, string>> = {
  'action-arg': 'a server action argument',
  body: 'the request body',
  cookies: 'a cookie',
  form: 'form data',
  headers: 'a request header',
  json: 'the JSON body',
  params: 'a route parameter',
  path: 'the request path',
  query: 'the query string',
  url: 'the request URL',
};

/** The part of the request a source reads, as a message phrase: `params` → `a route parameter`. */
export function getRequestSourceLabel(kind: RequestSourceKind): string {
  return LABELS[kind];
}
