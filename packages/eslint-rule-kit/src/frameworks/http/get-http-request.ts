import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getStaticPropertyName } from '../../ast/get-static-property-name.js';
import { unwrapExpression } from '../../ast/unwrap-expression.js';
import { CALL, getOrigin } from '../../origin/get-origin.js';
import { hasLiteralProperty } from '../../ast/has-literal-property.js';

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

export type HttpLibrary = 'fetch' | 'axios' | 'got' | 'undici' | 'http' | 'https' | 'ky' | 'superagent' | 'node-fetch';

/** An outgoing HTTP request, as `getHttpRequest` answers it. */
export interface HttpRequest {
  readonly library: HttpLibrary;
  readonly url?: TSESTree.Node;
  /** The per-request options argument (`fetch(url, options)`, `axios.get(url, config)`), when written. */
  readonly options?: TSESTree.Node;
  /**
   * `true` when a timeout or abort signal applies (per request or from the instance's
   * defaults, or the library's own default as with ky), `false` when none does,
   * `undefined` when options come from somewhere the file does not show.
   */
  readonly hasTimeout: boolean | undefined;
}

const cache = new WeakMap<TSESTree.CallExpression, HttpRequest | null>();

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'head', 'options', 'request', 'fetch']);
const BODY_METHODS = new Set(['post', 'put', 'patch', 'postForm', 'putForm', 'patchForm']);
const AXIOS_METHODS = new Set([...METHODS, ...BODY_METHODS]);
const TIMEOUT_KEYS = ['timeout', 'signal'];
const AXIOS_TIMEOUT_KEYS = ['timeout', 'signal', 'cancelToken'];
// undici's `dispatcher` may be an Agent with its own timeouts.
const FETCH_TIMEOUT_KEYS = ['signal', 'dispatcher'];
const UNDICI_REQUEST_TIMEOUT_KEYS = ['signal', 'headersTimeout', 'bodyTimeout', 'dispatcher'];

/**
 * The outgoing HTTP request `call` makes, resolved by origin: global `fetch`,
 * `node-fetch`, undici `fetch`/`request`, axios (functions, methods and
 * `axios.create()` instances, whose `timeout` carries over), got (+ `got.extend`),
 * ky (+ `ky.create/extend`; 10 s default timeout), `http(s).request/get` and
 * superagent (`.timeout()` in the chain). A same-named local or an import from
 * another package is not a request. `undefined` when unsure.
 */
export function getHttpRequest(context: AnyContext, call: TSESTree.CallExpression): HttpRequest | undefined {
  const cached = cache.get(call);
  if (cached !== undefined) return cached ?? undefined;
  const result = getHttpRequestUncached(context, call);
  cache.set(call, result ?? null);
  return result;
}

function getHttpRequestUncached(context: AnyContext, call: TSESTree.CallExpression): HttpRequest | undefined {
  // Cheap AST guard before any origin lookup.
  const callee = unwrapExpression(call.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const name = getStaticPropertyName(callee);
    if (name === undefined || !AXIOS_METHODS.has(name)) return undefined;
  } else if (callee.type !== AST_NODE_TYPES.Identifier) {
    return undefined;
  }
  const origin = getOrigin(context, call);
  if (!origin) return undefined;
  const { source, path } = origin;
  const [first, second] = path;
  const args = call.arguments;
  const arg = (index: number): TSESTree.Node | undefined => {
    const node = args[index];
    return node && node.type !== AST_NODE_TYPES.SpreadElement ? node : undefined;
  };
  const isPlainCall = path.length === 1 && first === CALL;
  const isMethodCall = path.length === 2 && second === CALL && first !== undefined && METHODS.has(first);

  switch (source) {
    case 'global':
    case 'node-fetch':
    case 'undici': {
      const isFetch =
        (source === 'global' && path.length === 2 && first === 'fetch' && second === CALL) ||
        (source === 'node-fetch' && (isPlainCall || (path.length === 2 && first === 'fetch' && second === CALL))) ||
        (source === 'undici' && path.length === 2 && first === 'fetch' && second === CALL);
      if (isFetch) {
        const library = source === 'global' ? 'fetch' : source;
        const options = arg(1) ?? getRequestInit(context, arg(0));
        return build(library, arg(0), arg(1), readOptions(context, options, FETCH_TIMEOUT_KEYS));
      }
      if (source === 'undici' && path.length === 2 && first === 'request' && second === CALL) {
        return build('undici', arg(0), arg(1), readOptions(context, arg(1), UNDICI_REQUEST_TIMEOUT_KEYS));
      }
      return undefined;
    }
    case 'axios': {
      let rest = path;
      let instance: boolean | undefined = false;
      if (first === 'create' && second === CALL) {
        rest = path.slice(2);
        instance = getInstanceTimeout(context, call, 'create', AXIOS_TIMEOUT_KEYS);
      }
      if (rest.length === 0) return undefined;
      const [method, called] = rest;
      let url: TSESTree.Node | undefined;
      let options: TSESTree.Node | undefined;
      if (rest.length === 1 && method === CALL) {
        // `axios(config)` or `axios(url, config)`
        const head = arg(0) && unwrapExpression(arg(0) as TSESTree.Node);
        if (head?.type === AST_NODE_TYPES.ObjectExpression) options = head;
        else [url, options] = [arg(0), arg(1)];
      } else if (rest.length === 2 && called === CALL && method !== undefined && AXIOS_METHODS.has(method)) {
        if (method === 'request') options = arg(0);
        else [url, options] = [arg(0), arg(BODY_METHODS.has(method) ? 2 : 1)];
      } else {
        return undefined;
      }
      // `axios.defaults.timeout = …` may be set for every request, here or elsewhere.
      const defaults = context.sourceCode.text.includes('defaults.timeout') ? undefined : instance;
      return build('axios', url, options, combine(defaults, readOptions(context, options, AXIOS_TIMEOUT_KEYS)));
    }
    case 'got':
    case 'ky': {
      let rest = path;
      let instance: boolean | undefined = false;
      while ((rest[0] === 'extend' || (source === 'ky' && rest[0] === 'create')) && rest[1] === CALL) {
        rest = rest.slice(2);
        instance = undefined;
      }
      if (rest !== path) instance = getInstanceTimeout(context, call, source === 'ky' ? 'create|extend' : 'extend', TIMEOUT_KEYS);
      const isRequest =
        (rest.length === 1 && rest[0] === CALL) ||
        (rest.length === 2 && rest[1] === CALL && rest[0] !== undefined && METHODS.has(rest[0]));
      if (!isRequest) return undefined;
      const head = arg(0) && unwrapExpression(arg(0) as TSESTree.Node);
      const [url, options] = head?.type === AST_NODE_TYPES.ObjectExpression ? [undefined, head] : [arg(0), arg(1)];
      if (source === 'ky') {
        // ky times out after 10 s unless told `timeout: false`.
        return build('ky', url, options, !isTimeoutDisabled(options));
      }
      return build('got', url, options, combine(instance, readOptions(context, options, TIMEOUT_KEYS)));
    }
    case 'http':
    case 'https': {
      if (!isMethodCall || (first !== 'request' && first !== 'get')) return undefined;
      const head = arg(0) && unwrapExpression(arg(0) as TSESTree.Node);
      const [url, options] =
        head?.type === AST_NODE_TYPES.ObjectExpression
          ? [undefined, head]
          : [arg(0), arg(1) && !isFunction(arg(1) as TSESTree.Node) ? arg(1) : undefined];
      return build(source, url, options, combine(readOptions(context, options, TIMEOUT_KEYS), hasSetTimeout(context, call)));
    }
    case 'superagent': {
      if (!(isPlainCall || (isMethodCall && first !== 'request' && first !== 'fetch'))) return undefined;
      const url = isPlainCall ? arg(1) : arg(0);
      return build('superagent', url, undefined, getChainTimeout(call));
    }
    default:
      return undefined;
  }
}

function build(
  library: HttpLibrary,
  url: TSESTree.Node | undefined,
  options: TSESTree.Node | undefined,
  hasTimeout: boolean | undefined,
): HttpRequest {
  return { library, ...(url ? { url } : {}), ...(options ? { options } : {}), hasTimeout };
}

/** Either source of a timeout is enough; otherwise unknown beats none. */
function combine(a: boolean | undefined, b: boolean | undefined): boolean | undefined {
  if (a === true || b === true) return true;
  if (a === undefined || b === undefined) return undefined;
  return false;
}

/**
 * Whether an options value sets one of `keys`: follows `const options = { … }` and
 * spreads of such constants; `undefined` for anything else not written in the file.
 */
function readOptions(
  context: AnyContext,
  node: TSESTree.Node | undefined,
  keys: readonly string[],
  depth = 0,
): boolean | undefined {
  if (!node) return false;
  const object = getObjectLiteral(context, node);
  if (!object || depth > 4) return undefined;
  let unknown = false;
  for (const property of object.properties) {
    if (property.type === AST_NODE_TYPES.SpreadElement) {
      const spread = readOptions(context, property.argument, keys, depth + 1);
      if (spread === true) return true;
      if (spread === undefined) unknown = true;
      continue;
    }
    const key = getStaticPropertyName(property);
    if (key === undefined) unknown = true;
    else if (keys.includes(key)) return true;
  }
  return unknown ? undefined : false;
}

/** An object literal, directly or through a `const` initialiser. */
function getObjectLiteral(context: AnyContext, node: TSESTree.Node): TSESTree.ObjectExpression | undefined {
  const inner = unwrapExpression(node);
  if (inner.type === AST_NODE_TYPES.ObjectExpression) return inner;
  const init = getConstInit(context, inner);
  const value = init && unwrapExpression(init);
  return value?.type === AST_NODE_TYPES.ObjectExpression ? value : undefined;
}

function getConstInit(context: AnyContext, node: TSESTree.Node): TSESTree.Expression | undefined {
  if (node.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(node), node);
  const def = variable?.defs[0];
  if (!variable || variable.defs.length !== 1 || def?.type !== 'Variable') return undefined;
  if (def.node.id.type !== AST_NODE_TYPES.Identifier || def.parent.kind !== 'const') return undefined;
  return def.node.init ?? undefined;
}

/** `fetch(new Request(url, { signal }))`: the init of the Request. */
function getRequestInit(context: AnyContext, node: TSESTree.Node | undefined): TSESTree.Node | undefined {
  const inner = node && unwrapExpression(node);
  const value = inner && (getConstInit(context, inner) ?? inner);
  if (value?.type !== AST_NODE_TYPES.NewExpression) return undefined;
  const origin = getOrigin(context, value);
  if (origin?.source !== 'global' || origin.path.join('.') !== 'Request.new') return undefined;
  const init = value.arguments[1];
  return init && init.type !== AST_NODE_TYPES.SpreadElement ? init : undefined;
}

/**
 * The timeout an instance was created with: `axios.create({ timeout })`,
 * `got.extend({ timeout })`. Follows the callee's object back to its factory call.
 */
function getInstanceTimeout(
  context: AnyContext,
  call: TSESTree.CallExpression,
  factories: string,
  keys: readonly string[],
): boolean | undefined {
  const names = new Set(factories.split('|'));
  let node: TSESTree.Node | undefined = unwrapExpression(call.callee);
  if (node.type === AST_NODE_TYPES.MemberExpression) node = unwrapExpression(node.object);
  let result: boolean | undefined = false;
  for (let depth = 0; node && depth < 6; depth++) {
    if (node.type === AST_NODE_TYPES.Identifier) {
      node = getConstInit(context, node);
      // Past the first factory, an unknown value is the package itself (`axios` in `axios.create()`).
      if (!node) return depth === 0 ? undefined : result;
      node = unwrapExpression(node);
      continue;
    }
    if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const factory = unwrapExpression(node.callee);
    if (factory.type !== AST_NODE_TYPES.MemberExpression) return result;
    const name = getStaticPropertyName(factory);
    if (name === undefined || !names.has(name)) return result;
    const config = node.arguments[0];
    result = combine(result, config && config.type !== AST_NODE_TYPES.SpreadElement ? readOptions(context, config, keys) : false);
    if (result === true) return true;
    node = unwrapExpression(factory.object);
  }
  return result;
}

function isTimeoutDisabled(node: TSESTree.Node | undefined): boolean {
  return hasLiteralProperty(node, 'timeout', false);
}

function isFunction(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.ArrowFunctionExpression || node.type === AST_NODE_TYPES.FunctionExpression;
}

/** `http.get(url).setTimeout(ms)` or `const req = http.request(…); req.setTimeout(ms)`. */
function hasSetTimeout(context: AnyContext, call: TSESTree.CallExpression): boolean | undefined {
  const parent = call.parent;
  if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === call) {
    return isTimeoutMember(parent) ? true : getChainTimeout(call);
  }
  if (parent.type !== AST_NODE_TYPES.VariableDeclarator || parent.id.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(parent), parent.id);
  if (!variable) return undefined;
  return variable.references.some((reference) => {
    const use = reference.identifier.parent;
    return use.type === AST_NODE_TYPES.MemberExpression && use.object === reference.identifier && isTimeoutMember(use);
  });
}

function isTimeoutMember(member: TSESTree.MemberExpression): boolean {
  const name = getStaticPropertyName(member);
  if (name === 'setTimeout' || name === 'timeout') return true;
  // `req.on('timeout', …)`
  const call = member.parent;
  return (
    name === 'on' &&
    call.type === AST_NODE_TYPES.CallExpression &&
    call.arguments[0]?.type === AST_NODE_TYPES.Literal &&
    call.arguments[0].value === 'timeout'
  );
}

/** superagent: a `.timeout()` anywhere up the chain; `undefined` when the chain is stored for later. */
function getChainTimeout(call: TSESTree.CallExpression): boolean | undefined {
  let node: TSESTree.Node = call;
  for (;;) {
    const parent: TSESTree.Node | undefined = node.parent;
    if (!parent) return false;
    if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === node) {
      if (isTimeoutMember(parent)) return true;
      const next: TSESTree.Node = parent.parent;
      if (next.type !== AST_NODE_TYPES.CallExpression || next.callee !== parent) return false;
      node = next;
      continue;
    }
    if (parent.type === AST_NODE_TYPES.VariableDeclarator || parent.type === AST_NODE_TYPES.AssignmentExpression) {
      return undefined;
    }
    return false;
  }
}
