import {
  allowOptionSchema,
  AST_NODE_TYPES,
  type DataAccess,
  findVariable,
  getDataAccess,
  getOrigin,
  getRequestSource,
  getRequestSourceLabel,
  getStaticPropertyName,
  getTaint,
  isInTestFile,
  type RequestSourceKind,
  type TSESLint,
  type TSESTree,
  unwrapExpression,
} from '@prodready/eslint-rule-kit';

import { createRule } from '../create-rule.js';

export type Options = [{ allow: string[] }];
export type MessageIds = 'massAssignment';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

interface WholeInput {
  readonly kind: RequestSourceKind;
}

// Input a client writes freely: a body, JSON, form data or the arguments of a server action.
const OBJECT_INPUT: ReadonlySet<RequestSourceKind> = new Set(['action-arg', 'body', 'form', 'json']);
const MAX_DEPTH = 8;
// Write operations and the index of the argument holding the new values.
const VALUE_ARGUMENT: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  sequelize: { create: 0, bulkCreate: 0, upsert: 0, update: 0 },
  typeorm: { save: 0, insert: 0, upsert: 0, update: 1 },
  mongoose: {
    create: 0,
    insertMany: 0,
    insertOne: 0,
    updateOne: 1,
    updateMany: 1,
    findOneAndUpdate: 1,
    findByIdAndUpdate: 1,
    replaceOne: 1,
    findOneAndReplace: 1,
  },
  knex: { insert: 0, update: 0, upsert: 0, merge: 0 },
  supabase: { insert: 0, update: 0, upsert: 0 },
  drizzle: { values: 0, set: 0 },
};
const PRISMA_DATA_KEYS = new Set(['data', 'create', 'update']);
const ZOD_PARSERS = new Set(['parse', 'parseAsync', 'safeParse', 'safeParseAsync']);
// Schema steps that keep keys the schema does not declare.
const LOOSE_SCHEMA_STEPS = new Set(['passthrough', 'catchall', 'looseObject']);
// Reads whose result is a record a later `Object.assign(record, body)` changes.
const RECORD_READS = new Set([
  'findById',
  'findOne',
  'findByPk',
  'findUnique',
  'findUniqueOrThrow',
  'findFirst',
  'findOneBy',
  'findOneOrFail',
  'findOneByOrFail',
]);

export default createRule<Options, MessageIds>({
  name: 'no-mass-assignment',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow writing a whole request body to the database',
      recommended: 'recommended',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allow: {
            ...allowOptionSchema,
            description: 'Model, table or collection names whose writes may take a whole request body (`feedback`).',
          },
        },
      },
    ],
    defaultOptions: [{ allow: [] }],
    messages: {
      massAssignment:
        'This write stores {{input}} as a whole, so a client can set any field it sends (`role`, `isAdmin`, `ownerId`, `price`). Pick the allowed fields or parse the input with a schema that drops unknown keys first.',
    },
  },
  create(context, [{ allow }]) {
    if (isInTestFile(context)) return {};
    const allowed = new Set(allow);
    const reported = new WeakSet<TSESTree.Node>();
    const report = (node: TSESTree.Node, input: WholeInput): void => {
      if (reported.has(node)) return;
      reported.add(node);
      context.report({
        node,
        messageId: 'massAssignment',
        data: { input: getRequestSourceLabel(input.kind) },
      });
    };
    return {
      CallExpression(node): void {
        if (isObjectAssign(context, node)) {
          checkObjectAssign(context, node, report);
          return;
        }
        const access = getDataAccess(context, node);
        if (access?.kind !== 'write' || (access.model !== undefined && allowed.has(access.model))) return;
        for (const value of getValueArguments(access)) {
          const input = getWholeInput(context, value, access.library === 'typeorm', 0);
          if (input) report(value, input);
        }
      },
      NewExpression(node): void {
        // `new User(req.body)` with a Mongoose model.
        const origin = getOrigin(context, node.callee);
        if (origin?.source !== 'mongoose' || origin.path.at(-1) !== '()' || origin.path.at(-2) !== 'model') return;
        const [value] = node.arguments;
        const input = value && getWholeInput(context, value, false, 0);
        if (value && input) report(value, input);
      },
    };
  },
});

/** The arguments of a write that hold the values it stores (`data` of a Prisma write, the document of `create`). */
function getValueArguments(access: DataAccess): TSESTree.Node[] {
  if (access.library === 'prisma') {
    const options = access.options && unwrapExpression(access.options);
    if (options?.type !== AST_NODE_TYPES.ObjectExpression) return [];
    return options.properties.flatMap((property) =>
      property.type === AST_NODE_TYPES.Property && PRISMA_DATA_KEYS.has(getStaticPropertyName(property) ?? '') ? [property.value] : [],
    );
  }
  const library = access.library === 'mongodb' ? 'mongoose' : access.library;
  const indexes = VALUE_ARGUMENT[library];
  if (!indexes) return [];
  const values: TSESTree.Node[] = [];
  for (const step of access.steps) {
    const index = indexes[step.name];
    if (index === undefined || !step.call) continue;
    // An EntityManager takes the entity class first: `manager.save(User, body)`.
    const offset = library === 'typeorm' && access.model !== undefined ? 1 : 0;
    const value = step.call.arguments[index + offset];
    if (!value || value.type === AST_NODE_TYPES.SpreadElement) continue;
    values.push(getSetOperand(value) ?? value);
  }
  return values;
}

/** `{ $set: body }` in a MongoDB update. */
function getSetOperand(node: TSESTree.Node): TSESTree.Node | undefined {
  const object = unwrapExpression(node);
  if (object.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  for (const property of object.properties) {
    if (property.type === AST_NODE_TYPES.Property && getStaticPropertyName(property) === '$set') return property.value;
  }
  return undefined;
}

/**
 * The request input `node` holds as a whole object: `req.body`, `req.body.user`, `await request.json()`,
 * a server action's argument, `{ ...req.body, ownerId }`, `Object.assign({}, req.body)`, through `const`
 * aliases; a zod schema with `.passthrough()`. Picking fields or any other call (a schema, a mapper) ends it.
 */
function getWholeInput(context: Context, input: TSESTree.Node, typeorm: boolean, depth: number): WholeInput | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const node = unwrapExpression(input);
  const source = getRequestSource(context, node);
  if (source) {
    // A validated NestJS DTO or a value checked before use is not raw input any more.
    return OBJECT_INPUT.has(source.kind) && getTaint(context, node) ? { kind: source.kind } : undefined;
  }
  switch (node.type) {
    case AST_NODE_TYPES.Identifier:
      return getWholeInputOfIdentifier(context, node, typeorm, depth);
    case AST_NODE_TYPES.ObjectExpression:
      for (const property of node.properties) {
        if (property.type !== AST_NODE_TYPES.SpreadElement) continue;
        const input = getWholeInput(context, property.argument, typeorm, depth + 1);
        if (input) return input;
      }
      return undefined;
    case AST_NODE_TYPES.LogicalExpression:
      return node.operator === '&&' ? undefined : getWholeInput(context, node.left, typeorm, depth + 1);
    case AST_NODE_TYPES.MemberExpression:
      // `schema.safeParse(body).data`
      return getStaticPropertyName(node) === 'data' ? getParsedInput(context, node.object, depth) : undefined;
    case AST_NODE_TYPES.CallExpression:
      return getWholeInputOfCall(context, node, typeorm, depth);
    default:
      return undefined;
  }
}

function getWholeInputOfIdentifier(context: Context, node: TSESTree.Identifier, typeorm: boolean, depth: number): WholeInput | undefined {
  const variable = findVariable(context, node);
  const def = variable?.defs[0];
  if (!variable || variable.defs.length !== 1 || def?.type !== 'Variable' || !def.node.init || def.node.id !== def.name) return undefined;
  if (variable.references.some((reference) => reference.isWrite() && reference.writeExpr !== def.node.init)) return undefined;
  return getWholeInput(context, def.node.init, typeorm, depth + 1);
}

function getWholeInputOfCall(context: Context, call: TSESTree.CallExpression, typeorm: boolean, depth: number): WholeInput | undefined {
  const callee = unwrapExpression(call.callee);
  if (isObjectAssign(context, call) || isGlobal(context, callee, 'structuredClone')) {
    for (const argument of call.arguments) {
      const input = getWholeInput(context, argument, typeorm, depth + 1);
      if (input) return input;
    }
    return undefined;
  }
  if (isGlobal(context, callee, 'Object.fromEntries')) {
    const [entries] = call.arguments;
    const source = entries && getRequestSource(context, unwrapExpression(entries));
    return source?.kind === 'form' ? { kind: 'form' } : undefined;
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const method = getStaticPropertyName(callee);
  // TypeORM `repository.save(repository.create(body))` and `repository.merge(entity, body)`.
  if (typeorm && (method === 'create' || method === 'merge')) {
    for (const argument of call.arguments.slice(method === 'merge' ? 1 : 0)) {
      const input = getWholeInput(context, argument, typeorm, depth + 1);
      if (input) return input;
    }
    return undefined;
  }
  return method === 'parse' || method === 'parseAsync' ? getParsedInput(context, call, depth) : undefined;
}

/** A zod parse whose schema keeps unknown keys (`.passthrough()`, `.catchall()`) passes the whole input on. */
function getParsedInput(context: Context, input: TSESTree.Node, depth: number): WholeInput | undefined {
  let node = unwrapExpression(input);
  if (node.type === AST_NODE_TYPES.Identifier) {
    const def = findVariable(context, node)?.defs[0];
    if (def?.type !== 'Variable' || !def.node.init) return undefined;
    node = unwrapExpression(def.node.init);
  }
  if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const callee = unwrapExpression(node.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || !ZOD_PARSERS.has(getStaticPropertyName(callee) ?? '')) return undefined;
  const [parsed] = node.arguments;
  if (!parsed || !isLooseSchema(context, callee.object, 0)) return undefined;
  return getWholeInput(context, parsed, false, depth + 1);
}

function isLooseSchema(context: Context, input: TSESTree.Node, depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  const node = unwrapExpression(input);
  if (node.type === AST_NODE_TYPES.Identifier) {
    const def = findVariable(context, node)?.defs[0];
    return def?.type === 'Variable' && def.node.init !== null && isLooseSchema(context, def.node.init, depth + 1);
  }
  if (node.type === AST_NODE_TYPES.CallExpression) {
    const callee = unwrapExpression(node.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
    if (LOOSE_SCHEMA_STEPS.has(getStaticPropertyName(callee) ?? '')) return getOrigin(context, node)?.source === 'zod';
    return isLooseSchema(context, callee.object, depth + 1);
  }
  return false;
}

/**
 * `Object.assign(user, req.body)` where `user` is a record this function loaded (`await User.findById(id)`)
 * or saves afterwards (`await user.save()`).
 */
function checkObjectAssign(
  context: Context,
  call: TSESTree.CallExpression,
  report: (node: TSESTree.Node, input: WholeInput) => void,
): void {
  const [target, ...values] = call.arguments;
  if (!target || !isRecord(context, target)) return;
  for (const value of values) {
    const input = getWholeInput(context, value, false, 0);
    if (input) report(value, input);
  }
}

function isRecord(context: Context, input: TSESTree.Node): boolean {
  const node = unwrapExpression(input);
  if (node.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = findVariable(context, node);
  const def = variable?.defs[0];
  if (!variable || def?.type !== 'Variable') return false;
  const init = def.node.init && unwrapExpression(def.node.init);
  if (init?.type === AST_NODE_TYPES.CallExpression) {
    const access = getDataAccess(context, init);
    if (access?.kind === 'read' && RECORD_READS.has(access.operation)) return true;
  }
  // `user.save()` after the assignment: a Mongoose document or a Sequelize instance.
  return variable.references.some((reference) => {
    const member = reference.identifier.parent;
    return (
      member.type === AST_NODE_TYPES.MemberExpression &&
      member.object === reference.identifier &&
      getStaticPropertyName(member) === 'save' &&
      member.parent.type === AST_NODE_TYPES.CallExpression &&
      member.parent.callee === member &&
      reference.identifier.range[0] > node.range[0]
    );
  });
}

function isObjectAssign(context: Context, call: TSESTree.CallExpression): boolean {
  return isGlobal(context, unwrapExpression(call.callee), 'Object.assign');
}

function isGlobal(context: Context, callee: TSESTree.Node, name: string): boolean {
  // Cheap AST check before the origin lookup: the last name must match.
  const last = name.slice(name.lastIndexOf('.') + 1);
  if (
    callee.type === AST_NODE_TYPES.Identifier
      ? callee.name !== last
      : callee.type !== AST_NODE_TYPES.MemberExpression || getStaticPropertyName(callee) !== last
  ) {
    return false;
  }
  const origin = getOrigin(context, callee);
  return origin?.source === 'global' && origin.path.join('.') === name;
}
