import {
  AST_NODE_TYPES,
  getEnclosingFunction,
  getOrigin,
  getStaticPropertyName,
  isInTestFile,
  isNode,
  isOrigin,
  unwrapExpression,
  type TSESTree,
} from '@prodready/eslint-rule-kit';

import { createRule } from '../create-rule.js';

export type Options = [{ checkAlgorithms: boolean; checkExpiry: boolean }];
export type MessageIds = 'decodeUsedToAuthorize' | 'ignoredExpiration' | 'missingAlgorithms' | 'missingExpiry' | 'noneAlgorithm';

type FunctionNode = NonNullable<ReturnType<typeof getEnclosingFunction>>;

const JWT = 'jsonwebtoken';
const JOSE = 'jose';
// Claims about time say nothing about who the caller is: `decoded.exp < now` is refresh logic, not authorization.
const TIME_CLAIMS = new Set(['exp', 'iat', 'nbf']);
const COMPARISONS = new Set(['===', '!==', '==', '!=']);

export default createRule<Options, MessageIds>({
  name: 'no-insecure-jwt',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow JWT verification that accepts forged, unsigned or expired tokens',
      recommended: 'recommended',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          checkAlgorithms: {
            type: 'boolean',
            description:
              'Also report `jwt.verify` calls that do not pin `algorithms` (jsonwebtoken 9 already limits the algorithms to the key type; older versions accept an HMAC token signed with the public key).',
          },
          checkExpiry: {
            type: 'boolean',
            description: 'Also report `jwt.sign` calls whose options set no `expiresIn` (tokens valid forever).',
          },
        },
      },
    ],
    defaultOptions: [{ checkAlgorithms: false, checkExpiry: false }],
    messages: {
      missingAlgorithms:
        '`verify` is called without `algorithms`, so the token header chooses how it is checked; before jsonwebtoken 9 an attacker could sign a token with your public key as an HMAC secret. Pass `algorithms: [...]` with the one algorithm you issue.',
      noneAlgorithm:
        "`algorithms` allows `'none'`, so an unsigned token with any claims is accepted as valid. Remove `'none'`.",
      ignoredExpiration:
        '`ignoreExpiration: true` accepts expired tokens, so a leaked or logged-out token works forever. Remove it.',
      decodeUsedToAuthorize:
        '`{{name}}` only decodes the token without checking its signature, and the result is used to decide who the caller is; anyone can forge it. Use `jwt.verify` (or jose `jwtVerify`) instead.',
      missingExpiry:
        'This token is signed without `expiresIn`, so it stays valid forever once issued or leaked. Set `expiresIn`.',
    },
  },
  create(context, [{ checkAlgorithms, checkExpiry }]) {
    const { text } = context.sourceCode;
    if (!text.includes(JWT) && !text.includes(JOSE)) return {};
    if (isInTestFile(context)) return {};

    function checkVerifyOptions(node: TSESTree.CallExpression): void {
      const options = node.arguments[2] ? unwrapExpression(node.arguments[2]) : undefined;
      // A callback in the options slot: `jwt.verify(token, secret, (err, payload) => …)`.
      if (
        options === undefined ||
        options.type === AST_NODE_TYPES.ArrowFunctionExpression ||
        options.type === AST_NODE_TYPES.FunctionExpression
      ) {
        context.report({ node: node.callee, messageId: 'missingAlgorithms' });
        return;
      }
      // Options built elsewhere (`verifyOptions`) may well pin the algorithm: precision first.
      if (options.type !== AST_NODE_TYPES.ObjectExpression) return;
      if (!getProperty(options, 'algorithms') && !hasSpread(options)) {
        context.report({ node: node.callee, messageId: 'missingAlgorithms' });
      }
    }

    function checkOptionValues(options: TSESTree.ObjectExpression): void {
      const algorithms = getProperty(options, 'algorithms');
      const list = algorithms ? unwrapExpression(algorithms.value) : undefined;
      if (list?.type === AST_NODE_TYPES.ArrayExpression) {
        for (const element of list.elements) {
          if (element?.type === AST_NODE_TYPES.Literal && typeof element.value === 'string' && element.value.toLowerCase() === 'none') {
            context.report({ node: element, messageId: 'noneAlgorithm' });
          }
        }
      }
      const ignore = getProperty(options, 'ignoreExpiration');
      if (ignore && isTrue(ignore.value)) context.report({ node: ignore, messageId: 'ignoredExpiration' });
    }

    function checkSign(node: TSESTree.CallExpression): void {
      const [payload, , rawOptions] = node.arguments;
      const body = payload ? unwrapExpression(payload) : undefined;
      // A string payload cannot carry `exp`, and an object literal that sets `exp` itself is fine.
      if (body?.type === AST_NODE_TYPES.ObjectExpression && (getProperty(body, 'exp') || hasSpread(body))) return;
      if (body !== undefined && body.type !== AST_NODE_TYPES.ObjectExpression) return;
      const options = rawOptions ? unwrapExpression(rawOptions) : undefined;
      if (options !== undefined && options.type !== AST_NODE_TYPES.ObjectExpression) {
        if (options.type !== AST_NODE_TYPES.ArrowFunctionExpression && options.type !== AST_NODE_TYPES.FunctionExpression) return;
      } else if (options && (getProperty(options, 'expiresIn') || hasSpread(options))) {
        return;
      }
      context.report({ node: node.callee, messageId: 'missingExpiry' });
    }

    function checkDecode(node: TSESTree.CallExpression, name: string): void {
      const fn = getEnclosingFunction(node);
      if (!fn || hasVerifyCall(fn)) return;
      const target = getAssignedVariable(node);
      if (!target) return;
      const variable = context.sourceCode.getDeclaredVariables(target).find((candidate) => candidate.name === target.id.name);
      if (!variable) return;
      const authorizes = variable.references.some((reference) => !reference.init && isAuthorizingUse(reference.identifier));
      if (authorizes) context.report({ node: node.callee, messageId: 'decodeUsedToAuthorize', data: { name } });
    }

    const verifyCache = new WeakMap<FunctionNode, boolean>();
    function hasVerifyCall(fn: FunctionNode): boolean {
      const cached = verifyCache.get(fn);
      if (cached !== undefined) return cached;
      let found = false;
      const visit = (current: TSESTree.Node): void => {
        if (found) return;
        if (current.type === AST_NODE_TYPES.CallExpression) {
          const origin = getOrigin(context, current.callee);
          if (isOrigin(origin, { source: JWT, path: ['verify'] }) || isOrigin(origin, { source: JOSE, path: ['jwtVerify'] })) {
            found = true;
            return;
          }
        }
        for (const key of Object.keys(current) as (keyof typeof current)[]) {
          if (key === 'parent') continue;
          const value = current[key] as unknown;
          if (Array.isArray(value)) {
            for (const item of value) if (isNode(item)) visit(item);
          } else if (isNode(value)) {
            visit(value);
          }
        }
      };
      visit(fn.body);
      verifyCache.set(fn, found);
      return found;
    }

    return {
      CallExpression(node): void {
        if (node.callee.type !== AST_NODE_TYPES.MemberExpression && node.callee.type !== AST_NODE_TYPES.Identifier) return;
        const origin = getOrigin(context, node.callee);
        if (!origin || (origin.source !== JWT && origin.source !== JOSE)) return;
        if (isOrigin(origin, { source: JWT, path: ['verify'] })) {
          if (checkAlgorithms) checkVerifyOptions(node);
          const options = node.arguments[2] ? unwrapExpression(node.arguments[2]) : undefined;
          if (options?.type === AST_NODE_TYPES.ObjectExpression) checkOptionValues(options);
        } else if (isOrigin(origin, { source: JOSE, path: ['jwtVerify'] })) {
          const options = node.arguments[2] ? unwrapExpression(node.arguments[2]) : undefined;
          if (options?.type === AST_NODE_TYPES.ObjectExpression) checkOptionValues(options);
        } else if (isOrigin(origin, { source: JWT, path: ['decode'] })) {
          checkDecode(node, 'jwt.decode');
        } else if (isOrigin(origin, { source: JOSE, path: ['decodeJwt'] })) {
          checkDecode(node, 'decodeJwt');
        } else if (checkExpiry && isOrigin(origin, { source: JWT, path: ['sign'] })) {
          checkSign(node);
        }
      },
    };
  },
});

function getProperty(object: TSESTree.ObjectExpression, name: string): TSESTree.Property | undefined {
  return object.properties.find(
    (property): property is TSESTree.Property =>
      property.type === AST_NODE_TYPES.Property && getStaticPropertyName(property) === name,
  );
}

function hasSpread(object: TSESTree.ObjectExpression): boolean {
  return object.properties.some((property) => property.type === AST_NODE_TYPES.SpreadElement);
}

function isTrue(node: TSESTree.Node): boolean {
  const value = unwrapExpression(node);
  return value.type === AST_NODE_TYPES.Literal && value.value === true;
}

/** `const decoded = jwt.decode(token)` (through casts and `await`): the declarator, else `undefined`. */
function getAssignedVariable(call: TSESTree.CallExpression): (TSESTree.VariableDeclarator & { id: TSESTree.Identifier }) | undefined {
  let current: TSESTree.Node = call;
  while (
    current.parent &&
    (current.parent.type === AST_NODE_TYPES.TSAsExpression ||
      current.parent.type === AST_NODE_TYPES.TSNonNullExpression ||
      current.parent.type === AST_NODE_TYPES.TSSatisfiesExpression ||
      current.parent.type === AST_NODE_TYPES.ChainExpression ||
      current.parent.type === AST_NODE_TYPES.AwaitExpression)
  ) {
    current = current.parent;
  }
  const { parent } = current;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === current && parent.id.type === AST_NODE_TYPES.Identifier) {
    return parent as TSESTree.VariableDeclarator & { id: TSESTree.Identifier };
  }
  return undefined;
}

/**
 * A read of the decoded payload that decides who the caller is: stored as the request's user
 * (`req.user = decoded`, `req.userId = decoded.sub`) or an identity claim compared (`decoded.role === 'admin'`).
 */
function isAuthorizingUse(identifier: TSESTree.Identifier | TSESTree.JSXIdentifier): boolean {
  let value: TSESTree.Node = identifier;
  let claim: string | undefined;
  // Walk `decoded.user.id`, `decoded?.role`, `(decoded as Payload).sub` up to the whole expression.
  for (;;) {
    const parent: TSESTree.Node | undefined = value.parent;
    if (!parent) return false;
    if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === value) {
      claim ??= getStaticPropertyName(parent);
      value = parent;
    } else if (
      parent.type === AST_NODE_TYPES.ChainExpression ||
      parent.type === AST_NODE_TYPES.TSAsExpression ||
      parent.type === AST_NODE_TYPES.TSNonNullExpression
    ) {
      value = parent;
    } else {
      break;
    }
  }
  if (claim !== undefined && TIME_CLAIMS.has(claim)) return false;
  const { parent } = value;
  if (parent?.type === AST_NODE_TYPES.BinaryExpression && COMPARISONS.has(parent.operator)) return claim !== undefined;
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === value) {
    const left = parent.left;
    // `req.user = decoded`, `res.locals.userId = decoded.id`, `ctx.state.user = …`
    return left.type === AST_NODE_TYPES.MemberExpression && isIdentityName(getStaticPropertyName(left));
  }
  return false;
}

function isIdentityName(name: string | undefined): boolean {
  return name !== undefined && /^(?:user|userId|user_id|auth|session|account|currentUser|principal|uid|role|tenantId)$/i.test(name);
}
