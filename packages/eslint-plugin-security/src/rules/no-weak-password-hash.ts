import {
  AST_NODE_TYPES,
  findVariable,
  getDataAccess,
  getOrigin,
  getStaticPropertyName,
  getTaint,
  isInTestFile,
  isOrigin,
  type DataLibrary,
  type TSESLint,
  type TSESTree,
  unwrapExpression,
} from '@prodready/eslint-rule-kit';

import { createRule } from '../create-rule.js';

export type Options = [{ minimumBcryptRounds: number; minimumPbkdf2Iterations: number }];
export type MessageIds = 'fastHash' | 'lowBcryptCost' | 'lowPbkdf2Iterations' | 'plaintextPassword';

type Context = Readonly<TSESLint.RuleContext<MessageIds, Options>>;

// `password`, `newPassword`, `userPassword`, `passwd`, `passphrase`, `pwd` — but not a hash of one.
const PASSWORD_NAME = /(?:^|_)(?:PASSWORD|PASSWD|PASSPHRASE|PWD)$/;
const NOT_PLAINTEXT = /(?:^|_)(?:HASH|HASHED|DIGEST|ENCRYPTED|SALT|SALTED|CONFIRM|CONFIRMATION|REPEAT|FIELD|LENGTH|RESET|FORGOT|POLICY)(?:$|_)/;
const BCRYPT_SOURCES = ['bcrypt', 'bcryptjs', 'bcrypt-nodejs', '@node-rs/bcrypt'];
const BCRYPT_COST_FUNCTIONS: Readonly<Record<string, number>> = { hash: 1, hashSync: 1, genSalt: 0, genSaltSync: 0 };
// OWASP Password Storage Cheat Sheet (2023): PBKDF2-HMAC-SHA1 1 300 000, -SHA256 600 000, -SHA512 210 000.
const PBKDF2_SHA256_RATIO: Readonly<Record<string, number>> = { sha1: 1_300_000 / 600_000, sha512: 210_000 / 600_000 };
// Libraries whose models run save hooks (`pre('save')`, `beforeCreate`, `@BeforeInsert`) that usually hash the
// password: a plaintext value handed to them is not evidence of a plaintext column.
const HOOKED_LIBRARIES: ReadonlySet<DataLibrary> = new Set(['mongoose', 'sequelize', 'typeorm']);
const MAX_OBJECT_DEPTH = 3;

export default createRule<Options, MessageIds>({
  name: 'no-weak-password-hash',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow fast hashes, low work factors and plaintext storage for passwords',
      recommended: 'recommended',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          minimumBcryptRounds: {
            type: 'integer',
            minimum: 4,
            maximum: 31,
            description: 'Lowest bcrypt cost (log2 rounds) accepted as a literal in `hash`/`genSalt`.',
          },
          minimumPbkdf2Iterations: {
            type: 'integer',
            minimum: 1,
            description: 'Lowest PBKDF2-HMAC-SHA256 iteration count accepted; SHA-1 and SHA-512 scale by the OWASP ratios.',
          },
        },
      },
    ],
    defaultOptions: [{ minimumBcryptRounds: 10, minimumPbkdf2Iterations: 600_000 }],
    messages: {
      fastHash:
        '`{{algorithm}}` is a fast hash: a leaked user table is cracked at billions of guesses per second, and identical passwords share a hash. Hash passwords with bcrypt, scrypt or argon2id.',
      lowBcryptCost:
        'A bcrypt cost of {{rounds}} is below {{minimum}}: each guess against a leaked hash is cheap enough to crack common passwords quickly. Use a cost of at least {{minimum}}.',
      lowPbkdf2Iterations:
        'The PBKDF2 iteration count {{iterations}} with `{{digest}}` is below the {{minimum}} OWASP recommends: a leaked hash is cheap to brute-force. Raise the iteration count or use argon2id/scrypt.',
      plaintextPassword:
        'The password from the request is stored as received: anyone who reads the database, a backup or a log of the query gets every user\'s password. Hash it with bcrypt, scrypt or argon2id before storing it.',
    },
  },
  create(context, [{ minimumBcryptRounds, minimumPbkdf2Iterations }]) {
    if (isInTestFile(context) || !/pass|pwd|bcrypt|pbkdf2/i.test(context.sourceCode.text)) return {};

    function checkBcrypt(node: TSESTree.CallExpression): void {
      const origin = getOrigin(context, node.callee);
      const name = origin?.path[0];
      if (!origin || !BCRYPT_SOURCES.includes(origin.source) || origin.path.length !== 1 || name === undefined) return;
      const index = BCRYPT_COST_FUNCTIONS[name];
      const argument = index === undefined ? undefined : node.arguments[index];
      const rounds = argument && getConstantNumber(context, argument);
      if (argument && rounds !== undefined && rounds < minimumBcryptRounds) {
        context.report({
          node: argument,
          messageId: 'lowBcryptCost',
          data: { rounds: String(rounds), minimum: String(minimumBcryptRounds) },
        });
      }
    }

    function checkPbkdf2(node: TSESTree.CallExpression): void {
      const [, , iterationsArg, , digestArg] = node.arguments;
      const iterations = iterationsArg && getConstantNumber(context, iterationsArg);
      if (!iterationsArg || iterations === undefined) return;
      const digest = (digestArg && getConstantString(context, digestArg))?.toLowerCase().replace('-', '');
      if (digest === undefined) return;
      const minimum = Math.round(minimumPbkdf2Iterations * (PBKDF2_SHA256_RATIO[digest] ?? 1));
      if (iterations >= minimum) return;
      context.report({
        node: iterationsArg,
        messageId: 'lowPbkdf2Iterations',
        data: { iterations: String(iterations), digest, minimum: String(minimum) },
      });
    }

    /** `createHash('sha256').update(password)` and `const hash = createHash('md5'); hash.update(password)`. */
    function checkHashUpdate(node: TSESTree.CallExpression, callee: TSESTree.MemberExpression): void {
      const [input] = node.arguments;
      if (!input || !isPlaintextPassword(input)) return;
      const hashCall = getHashCall(context, callee.object);
      if (!hashCall) return;
      const algorithm = hashCall.arguments[0] && getConstantString(context, hashCall.arguments[0]);
      if (algorithm === undefined || isPrehash(node)) return;
      context.report({ node: hashCall, messageId: 'fastHash', data: { algorithm } });
    }

    function checkStoredPassword(node: TSESTree.Property): void {
      const name = getStaticPropertyName(node);
      if (name === undefined || !PASSWORD_NAME.test(toWords(name)) || NOT_PLAINTEXT.test(toWords(name))) return;
      const value = unwrapExpression(node.value);
      if (value.type !== AST_NODE_TYPES.Identifier && value.type !== AST_NODE_TYPES.MemberExpression) return;
      const call = getEnclosingCall(node.parent);
      if (!call) return;
      const access = getDataAccess(context, call);
      if (access?.kind !== 'write' || HOOKED_LIBRARIES.has(access.library)) return;
      if (!getTaint(context, value)) return;
      context.report({ node, messageId: 'plaintextPassword' });
    }

    return {
      CallExpression(node): void {
        const { callee } = node;
        const name =
          callee.type === AST_NODE_TYPES.Identifier
            ? callee.name
            : callee.type === AST_NODE_TYPES.MemberExpression
              ? getStaticPropertyName(callee)
              : undefined;
        if (name === undefined) return;
        if (name === 'update' && callee.type === AST_NODE_TYPES.MemberExpression) {
          checkHashUpdate(node, callee);
          return;
        }
        if (name === 'pbkdf2' || name === 'pbkdf2Sync') {
          const origin = getOrigin(context, callee);
          if (isOrigin(origin, { source: 'crypto', path: [name] })) checkPbkdf2(node);
          return;
        }
        checkBcrypt(node);
      },
      'ObjectExpression > Property'(node: TSESTree.Property): void {
        checkStoredPassword(node);
      },
    };
  },
});

function toWords(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toUpperCase();
}

/** A plaintext password: a password-named value (`password`, `req.body.password`, `this.password`), or a template/concatenation with one. */
function isPlaintextPassword(node: TSESTree.Node): boolean {
  const value = unwrapExpression(node);
  if (value.type === AST_NODE_TYPES.TemplateLiteral) return value.expressions.some((part) => isPlaintextPassword(part));
  if (value.type === AST_NODE_TYPES.BinaryExpression && value.operator === '+') {
    return isPlaintextPassword(value.left) || isPlaintextPassword(value.right);
  }
  const name =
    value.type === AST_NODE_TYPES.Identifier
      ? value.name
      : value.type === AST_NODE_TYPES.MemberExpression
        ? getStaticPropertyName(value)
        : undefined;
  return name !== undefined && isPasswordName(name);
}

/**
 * `password = createHash('sha512').update(password).digest('hex')`: the digest is still treated as the password
 * and handed to a slow hash next (a pre-hash for bcrypt's 72-byte limit, as NodeBB does).
 */
function isPrehash(update: TSESTree.CallExpression): boolean {
  let top: TSESTree.Node = update;
  while (
    top.parent?.type === AST_NODE_TYPES.MemberExpression &&
    top.parent.parent.type === AST_NODE_TYPES.CallExpression &&
    top.parent.parent.callee === top.parent
  ) {
    top = top.parent.parent;
  }
  const { parent } = top;
  const target =
    parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === top
      ? parent.left
      : parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === top
        ? parent.id
        : undefined;
  return target?.type === AST_NODE_TYPES.Identifier && isPasswordName(target.name);
}

function isPasswordName(name: string): boolean {
  const words = toWords(name);
  return PASSWORD_NAME.test(words) && !NOT_PLAINTEXT.test(words);
}

/** The `crypto.createHash(…)` call a hash object comes from, directly or through a `const`. */
function getHashCall(context: Context, node: TSESTree.Node): TSESTree.CallExpression | undefined {
  let value = unwrapExpression(node);
  if (value.type === AST_NODE_TYPES.Identifier) {
    const variable = findVariable(context, value);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (def?.node.type !== AST_NODE_TYPES.VariableDeclarator || !def.node.init) return undefined;
    value = unwrapExpression(def.node.init);
  }
  if (value.type !== AST_NODE_TYPES.CallExpression) return undefined;
  return isOrigin(getOrigin(context, value.callee), { source: 'crypto', path: ['createHash'] }) ? value : undefined;
}

/** The call an object literal is an argument of, through at most a few nested objects (`{ data: { … } }`). */
function getEnclosingCall(object: TSESTree.Node): TSESTree.CallExpression | undefined {
  let current: TSESTree.Node = object;
  for (let depth = 0; depth < MAX_OBJECT_DEPTH; depth++) {
    const { parent } = current;
    if (!parent) return undefined;
    if (parent.type === AST_NODE_TYPES.CallExpression) return parent.arguments.includes(current as TSESTree.CallExpressionArgument) ? parent : undefined;
    if (parent.type === AST_NODE_TYPES.ArrayExpression) {
      current = parent;
      continue;
    }
    if (parent.type !== AST_NODE_TYPES.Property || parent.value !== current) return undefined;
    current = parent.parent;
  }
  return undefined;
}

function getConstantExpression(context: Context, node: TSESTree.Node): TSESTree.Node | undefined {
  const expression = unwrapExpression(node);
  if (expression.type !== AST_NODE_TYPES.Identifier) return expression;
  const variable = findVariable(context, expression);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (
    def?.node.type !== AST_NODE_TYPES.VariableDeclarator ||
    def.parent?.type !== AST_NODE_TYPES.VariableDeclaration ||
    def.parent.kind !== 'const' ||
    !def.node.init
  ) {
    return undefined;
  }
  return unwrapExpression(def.node.init);
}

function getConstantNumber(context: Context, node: TSESTree.Node): number | undefined {
  const value = getConstantExpression(context, node);
  return value?.type === AST_NODE_TYPES.Literal && typeof value.value === 'number' ? value.value : undefined;
}

function getConstantString(context: Context, node: TSESTree.Node): string | undefined {
  const value = getConstantExpression(context, node);
  if (value?.type === AST_NODE_TYPES.Literal && typeof value.value === 'string') return value.value;
  if (value?.type === AST_NODE_TYPES.TemplateLiteral && value.expressions.length === 0) return value.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}
