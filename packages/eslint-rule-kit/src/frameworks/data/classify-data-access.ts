import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { getStaticPropertyName } from '../../ast/get-static-property-name.js';
import { unwrapExpression } from '../../ast/unwrap-expression.js';
import { CALL, NEW } from '../../origin/get-origin.js';
import type { DataAccess, DataAccessKind, DataLibrary, DataStep } from './data-access.js';
import { hasLiteralProperty } from '../../ast/has-literal-property.js';

type Answer = Omit<DataAccess, 'library' | 'steps'>;
type Classify = (role: string, steps: readonly DataStep[]) => Answer | undefined;

interface Library {
  readonly library: DataLibrary;
  readonly source: RegExp;
  /** Receiver roles and the origin paths that denote them; `*` is any one step. */
  readonly receivers: ReadonlyArray<readonly [role: string, path: readonly string[]]>;
  /** Calls that return the same kind of receiver (`prisma.$extends(…)`). */
  readonly passThrough?: ReadonlySet<string>;
  readonly classify: Classify;
}

// ---------------------------------------------------------------- shared readers

function argument(step: DataStep | undefined, index = 0): TSESTree.Node | undefined {
  const node = step?.call?.arguments[index];
  return node && node.type !== AST_NODE_TYPES.SpreadElement ? node : undefined;
}

function stringArgument(step: DataStep | undefined, index = 0): string | undefined {
  const node = argument(step, index);
  if (node?.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') return node.value;
  if (node?.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0) {
    return node.quasis[0]?.value.cooked ?? undefined;
  }
  return undefined;
}

/**
 * Whether an options object sets one of `keys`: `false` when the call has no such
 * argument or a literal without it, `undefined` when it is spread or not a literal.
 */
function hasOption(step: DataStep | undefined, index: number, keys: readonly string[]): boolean | undefined {
  if (!step?.call) return undefined;
  const raw = step.call.arguments[index];
  if (!raw) return step.call.arguments.some((node) => node.type === AST_NODE_TYPES.SpreadElement) ? undefined : false;
  const node = unwrapExpression(raw);
  if (node.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  let unknown = false;
  for (const property of node.properties) {
    if (property.type === AST_NODE_TYPES.SpreadElement) {
      unknown = true;
      continue;
    }
    const key = getStaticPropertyName(property);
    if (key === undefined) unknown = true;
    else if (keys.includes(key)) return true;
  }
  return unknown ? undefined : false;
}

function hasStep(steps: readonly DataStep[], names: ReadonlySet<string>): boolean {
  return steps.some((step) => step.called && names.has(step.name));
}

function allCalled(steps: readonly DataStep[]): boolean {
  return steps.every((step) => step.called);
}

function identifierName(node: TSESTree.Node | undefined): string | undefined {
  const inner = node && unwrapExpression(node);
  if (inner?.type === AST_NODE_TYPES.Identifier) return inner.name;
  if (inner?.type === AST_NODE_TYPES.MemberExpression) return getStaticPropertyName(inner);
  return undefined;
}

function sqlOf(node: TSESTree.Node | undefined, textKey: string): TSESTree.Node | undefined {
  const inner = node && unwrapExpression(node);
  if (inner?.type !== AST_NODE_TYPES.ObjectExpression) return node;
  const text = inner.properties.find(
    (property): property is TSESTree.Property =>
      property.type === AST_NODE_TYPES.Property && getStaticPropertyName(property) === textKey,
  );
  return text?.value;
}

function access(
  operation: string,
  kind: DataAccessKind,
  returnsList: boolean,
  extra: Partial<Omit<Answer, 'operation' | 'kind' | 'returnsList'>> = {},
): Answer {
  return { operation, kind, returnsList, ...extra };
}

function raw(operation: string, sql: TSESTree.Node | undefined, returnsList = true): Answer {
  return access(operation, 'raw', returnsList, sql ? { rawSql: sql } : {});
}

const names = (...list: string[]): ReadonlySet<string> => new Set(list);

// ---------------------------------------------------------------- Prisma

const PRISMA_LIST = names('findMany', 'groupBy', 'createManyAndReturn', 'updateManyAndReturn');
const PRISMA_READ = names('findMany', 'findFirst', 'findFirstOrThrow', 'findUnique', 'findUniqueOrThrow', 'count', 'aggregate', 'groupBy');
const PRISMA_WRITE = names(
  'create', 'createMany', 'createManyAndReturn', 'update', 'updateMany', 'updateManyAndReturn', 'upsert', 'delete', 'deleteMany',
);

const classifyPrisma: Classify = (_role, steps) => {
  const [first, second] = steps;
  if (!first) return undefined;
  if (first.name.startsWith('$')) {
    if (!first.called || steps.length !== 1) return undefined;
    switch (first.name) {
      case '$queryRaw':
      case '$queryRawUnsafe':
        return raw(first.name, argument(first));
      case '$executeRaw':
      case '$executeRawUnsafe':
        return raw(first.name, argument(first), false);
      case '$transaction':
        return access(first.name, 'transaction', false);
      case '$connect':
        return access(first.name, 'connect', false);
      default:
        return undefined;
    }
  }
  if (first.called || !second?.called || steps.length !== 2) return undefined;
  const operation = second.name;
  const kind = PRISMA_READ.has(operation) ? 'read' : PRISMA_WRITE.has(operation) ? 'write' : undefined;
  if (!kind) return undefined;
  const returnsList = PRISMA_LIST.has(operation);
  return access(operation, kind, returnsList, {
    model: first.name,
    ...(argument(second) ? { options: argument(second) } : {}),
    ...(returnsList ? withBound(hasOption(second, 0, ['take'])) : {}),
  });
};

function withBound(bounded: boolean | undefined): { bounded?: boolean } {
  return bounded === undefined ? {} : { bounded };
}

// ---------------------------------------------------------------- Drizzle

const DRIZZLE_SELECT = names('select', 'selectDistinct', 'selectDistinctOn');
const DRIZZLE_WRITE = names('insert', 'update', 'delete');
const DRIZZLE_BUILDER = names(
  'from', 'where', 'leftJoin', 'rightJoin', 'innerJoin', 'fullJoin', 'crossJoin', 'groupBy', 'having', 'orderBy', 'limit',
  'offset', 'for', '$dynamic', 'execute', 'all', 'get', 'values', 'run', 'prepare', 'returning', 'onConflictDoNothing',
  'onConflictDoUpdate', 'onDuplicateKeyUpdate', 'set',
);

const classifyDrizzle: Classify = (role, steps) => {
  if (role === 'sql') {
    const [only] = steps;
    return steps.length === 1 && only?.called && only.name === 'raw' ? raw('sql.raw', argument(only), false) : undefined;
  }
  let rest = steps;
  while (rest[0]?.called && (rest[0].name === 'with' || rest[0].name === '$with')) rest = rest.slice(1);
  const [first, second, third] = rest;
  if (!first) return undefined;
  if (first.name === 'query' && !first.called && second && !second.called && third?.called && rest.length === 3) {
    if (third.name === 'findMany') {
      return access('findMany', 'read', true, {
        model: second.name,
        ...(argument(third) ? { options: argument(third) } : {}),
        ...withBound(hasOption(third, 0, ['limit'])),
      });
    }
    if (third.name === 'findFirst') return access('findFirst', 'read', false, { model: second.name });
    return undefined;
  }
  if (!first.called || !allCalled(rest)) return undefined;
  const builder = rest.slice(1);
  if (!builder.every((step) => DRIZZLE_BUILDER.has(step.name))) return undefined;
  if (DRIZZLE_SELECT.has(first.name)) {
    const from = builder.find((step) => step.name === 'from');
    const model = identifierName(argument(from));
    // SQLite's `.get()` reads one row.
    const single = builder.some((step) => step.name === 'get');
    return access(first.name, 'read', !single, {
      ...(model ? { model } : {}),
      ...(single ? {} : { bounded: builder.some((step) => step.name === 'limit') }),
    });
  }
  if (DRIZZLE_WRITE.has(first.name)) {
    const model = identifierName(argument(first));
    return access(first.name, 'write', false, model ? { model } : {});
  }
  if (builder.length > 0) return undefined;
  if (first.name === '$count') return access(first.name, 'read', false);
  if (first.name === 'execute' || first.name === 'run' || first.name === 'all' || first.name === 'get' || first.name === 'values') {
    return raw(first.name, argument(first), first.name === 'all' || first.name === 'execute' || first.name === 'values');
  }
  if (first.name === 'transaction') return access(first.name, 'transaction', false);
  return undefined;
};

// ---------------------------------------------------------------- Sequelize

const SEQUELIZE_LIST = names('findAll', 'findAndCountAll');
const SEQUELIZE_READ = names(
  'findAll', 'findAndCountAll', 'findOne', 'findByPk', 'count', 'max', 'min', 'sum', 'aggregate',
);
const SEQUELIZE_WRITE = names(
  'create', 'bulkCreate', 'update', 'destroy', 'upsert', 'increment', 'decrement', 'findOrCreate', 'truncate', 'restore',
);

const classifySequelize: Classify = (role, steps) => {
  const [first] = steps;
  if (!first?.called || steps.length !== 1) return undefined;
  if (role === 'instance') {
    if (first.name === 'query') return raw('query', sqlOf(argument(first), 'query'));
    if (first.name === 'transaction') return access(first.name, 'transaction', false);
    if (first.name === 'authenticate' || first.name === 'sync') return access(first.name, 'connect', false);
    return undefined;
  }
  const operation = first.name;
  const kind = SEQUELIZE_READ.has(operation) ? 'read' : SEQUELIZE_WRITE.has(operation) ? 'write' : undefined;
  if (!kind) return undefined;
  const returnsList = SEQUELIZE_LIST.has(operation);
  return access(operation, kind, returnsList, {
    ...(argument(first) ? { options: argument(first) } : {}),
    ...(returnsList ? withBound(hasOption(first, 0, ['limit'])) : {}),
  });
};

// ---------------------------------------------------------------- TypeORM

const TYPEORM_LIST = names('find', 'findAndCount', 'findBy', 'findAndCountBy');
const TYPEORM_READ = names(
  'find', 'findAndCount', 'findBy', 'findAndCountBy', 'findOne', 'findOneBy', 'findOneOrFail', 'findOneByOrFail', 'count',
  'countBy', 'exist', 'exists', 'existsBy', 'sum', 'average', 'minimum', 'maximum',
);
const TYPEORM_WRITE = names(
  'save', 'insert', 'update', 'delete', 'remove', 'softDelete', 'softRemove', 'restore', 'upsert', 'increment', 'decrement', 'clear',
);
const TYPEORM_QB_LIST = names('getMany', 'getManyAndCount', 'getRawMany', 'stream');
const TYPEORM_QB_ONE = names('getOne', 'getOneOrFail', 'getRawOne', 'getCount', 'getExists', 'getRawAndEntities');
const TYPEORM_QB_WRITE = names('insert', 'update', 'delete', 'softDelete', 'restore');

const classifyTypeorm: Classify = (role, steps) => {
  const [first] = steps;
  if (!first?.called) return undefined;
  if (first.name === 'createQueryBuilder' || role === 'queryBuilder') {
    const builder = role === 'queryBuilder' ? steps : steps.slice(1);
    const last = builder.at(-1);
    if (!last || !allCalled(builder)) return undefined;
    if (hasStep(builder, TYPEORM_QB_WRITE)) return last.name === 'execute' ? access('execute', 'write', false) : undefined;
    if (TYPEORM_QB_LIST.has(last.name)) {
      return access(last.name, 'read', true, { bounded: hasStep(builder, names('take', 'limit')) });
    }
    if (TYPEORM_QB_ONE.has(last.name)) return access(last.name, 'read', false);
    return undefined;
  }
  if (steps.length !== 1) return undefined;
  if (first.name === 'query') return raw('query', argument(first));
  if (first.name === 'transaction') return access(first.name, 'transaction', false);
  if (role === 'dataSource') {
    return first.name === 'initialize' || first.name === 'connect' ? access(first.name, 'connect', false) : undefined;
  }
  const operation = first.name;
  const kind = TYPEORM_READ.has(operation) ? 'read' : TYPEORM_WRITE.has(operation) ? 'write' : undefined;
  if (!kind) return undefined;
  // An EntityManager takes the entity first: `manager.find(User, { … })`.
  const optionsIndex = role === 'manager' ? 1 : 0;
  const model = role === 'manager' ? identifierName(argument(first)) : undefined;
  const returnsList = TYPEORM_LIST.has(operation);
  const bounded = operation.endsWith('By') ? false : hasOption(first, optionsIndex, ['take']);
  return access(operation, kind, returnsList, {
    ...(model ? { model } : {}),
    ...(argument(first, optionsIndex) ? { options: argument(first, optionsIndex) } : {}),
    ...(returnsList ? withBound(bounded) : {}),
  });
};

// ---------------------------------------------------------------- Mongoose and the MongoDB driver

const MONGO_READ_ONE = names(
  'findOne', 'findById', 'exists', 'countDocuments', 'estimatedDocumentCount', 'count', 'distinct', 'aggregate',
);
const MONGO_WRITE = names(
  'create', 'insertMany', 'insertOne', 'updateOne', 'updateMany', 'deleteOne', 'deleteMany', 'findOneAndUpdate',
  'findByIdAndUpdate', 'findOneAndDelete', 'findByIdAndDelete', 'findOneAndReplace', 'findByIdAndRemove',
  'findOneAndRemove', 'replaceOne', 'bulkWrite', 'save',
);
const MONGO_QUERY = names(
  'where', 'select', 'sort', 'skip', 'limit', 'lean', 'populate', 'exec', 'toArray', 'project', 'collation', 'hint',
  'batchSize', 'session', 'setOptions', 'cursor', 'next', 'forEach', 'maxTimeMS', 'orFail', 'allowDiskUse', 'explain',
);

function classifyMongo(steps: readonly DataStep[], model: string | undefined, optionsIndex: number): Answer | undefined {
  const [first, ...query] = steps;
  if (!first?.called || !allCalled(query) || !query.every((step) => MONGO_QUERY.has(step.name))) return undefined;
  const operation = first.name;
  const options = argument(first) ? { options: argument(first) } : {};
  const named = model ? { model } : {};
  if (operation === 'find') {
    const limited =
      hasStep(query, names('limit', 'cursor', 'next', 'forEach')) || hasOption(first, optionsIndex, ['limit']) === true;
    return access(operation, 'read', true, { ...named, ...options, bounded: limited });
  }
  if (MONGO_READ_ONE.has(operation)) return access(operation, 'read', false, { ...named, ...options });
  if (MONGO_WRITE.has(operation)) return access(operation, 'write', false, { ...named, ...options });
  return undefined;
}

const classifyMongoose: Classify = (role, steps) => {
  if (role === 'module') {
    const [first] = steps;
    return first?.called && steps.length === 1 && (first.name === 'connect' || first.name === 'createConnection')
      ? access(first.name, 'connect', false)
      : undefined;
  }
  if (role === 'document') {
    return steps.length === 1 && steps[0]?.called && steps[0].name === 'save' ? access('save', 'write', false) : undefined;
  }
  // Mongoose `find(filter, projection, options)`.
  return classifyMongo(steps, undefined, 2);
};

const classifyMongodb: Classify = (role, steps) => {
  let rest = steps;
  if (role === 'client') {
    if (rest.length === 1 && rest[0]?.called && rest[0].name === 'connect') return access('connect', 'connect', false);
    if (rest[0]?.name !== 'db' || !rest[0].called) return undefined;
    rest = rest.slice(1);
  }
  let model: string | undefined;
  if (role !== 'collection') {
    const [collection] = rest;
    if (collection?.name !== 'collection' || !collection.called) return undefined;
    model = stringArgument(collection);
    rest = rest.slice(1);
  }
  // Driver `find(filter, options)`.
  return classifyMongo(rest, model, 1);
};

// ---------------------------------------------------------------- Knex

const KNEX_START = names(
  'select', 'from', 'table', 'queryBuilder', 'insert', 'update', 'del', 'delete', 'where', 'first', 'count', 'pluck', 'into',
  'distinct', 'with',
);
const KNEX_WRITE = names('insert', 'update', 'del', 'delete', 'truncate', 'upsert', 'increment', 'decrement', 'merge');
const KNEX_ONE = names('first', 'count', 'countDistinct', 'sum', 'sumDistinct', 'avg', 'avgDistinct', 'min', 'max');
const KNEX_NOT_QUERY = names('as', 'toSQL', 'toQuery', 'toString', 'clone', 'transacting', 'connection', 'schema');

const classifyKnex: Classify = (_role, steps) => {
  const [first] = steps;
  if (!first?.called) return undefined;
  if (steps.length === 1 && first.name === 'raw') return raw('raw', argument(first));
  if (steps.length === 1 && first.name === 'transaction') return access('transaction', 'transaction', false);
  if (first.name !== '' && !KNEX_START.has(first.name)) return undefined;
  if (!allCalled(steps) || steps.some((step) => KNEX_NOT_QUERY.has(step.name))) return undefined;
  const model = first.name === '' ? stringArgument(first) : undefined;
  const rawStep = steps.find((step) => step.name.endsWith('Raw'));
  const extra = { ...(model ? { model } : {}), ...(rawStep && argument(rawStep) ? { rawSql: argument(rawStep) } : {}) };
  const write = steps.find((step) => KNEX_WRITE.has(step.name));
  if (write) return access(write.name, 'write', false, extra);
  const returnsList = !hasStep(steps, KNEX_ONE);
  return access('select', 'read', returnsList, {
    ...extra,
    ...(returnsList ? { bounded: hasStep(steps, names('limit')) } : {}),
  });
};

// ---------------------------------------------------------------- SQL drivers

const classifyPg: Classify = (_role, steps) => {
  const [first] = steps;
  if (!first?.called || steps.length !== 1) return undefined;
  if (first.name === 'query') return raw('query', sqlOf(argument(first), 'text'));
  if (first.name === 'connect') return access('connect', 'connect', false);
  return undefined;
};

const classifyMysql: Classify = (_role, steps) => {
  const [first] = steps;
  if (!first?.called || steps.length !== 1) return undefined;
  if (first.name === 'query' || first.name === 'execute') return raw(first.name, sqlOf(argument(first), 'sql'));
  if (first.name === 'getConnection' || first.name === 'connect') return access(first.name, 'connect', false);
  return undefined;
};

const classifySqlite: Classify = (_role, steps) => {
  const [first, second] = steps;
  if (!first?.called) return undefined;
  if (steps.length === 1 && first.name === 'exec') return raw('exec', argument(first), false);
  if (steps.length === 1 && first.name === 'transaction') return access('transaction', 'transaction', false);
  if (first.name !== 'prepare' || !second?.called || steps.length !== 2) return undefined;
  const sql = argument(first);
  if (second.name === 'all' || second.name === 'iterate') return raw(second.name, sql);
  if (second.name === 'get' || second.name === 'run') return raw(second.name, sql, false);
  return undefined;
};

// ---------------------------------------------------------------- Supabase

const SUPABASE_WRITE = names('insert', 'update', 'upsert', 'delete');
const SUPABASE_ONE = names('single', 'maybeSingle');

const classifySupabase: Classify = (_role, steps) => {
  let rest = steps;
  while (rest[0]?.called && rest[0].name === 'schema') rest = rest.slice(1);
  const [first, second] = rest;
  if (!first?.called || !allCalled(rest)) return undefined;
  if (first.name === 'rpc') return access('rpc', 'raw', false, { model: stringArgument(first) ?? 'rpc' });
  if (first.name !== 'from' || !second) return undefined;
  const model = stringArgument(first);
  const named = model ? { model } : {};
  const write = rest.find((step) => SUPABASE_WRITE.has(step.name));
  if (write) return access(write.name, 'write', false, named);
  if (second.name !== 'select') return undefined;
  // `select('*', { count: 'exact', head: true })` returns a count, no rows.
  const head = isHeadOnly(argument(second, 1));
  const single = hasStep(rest, SUPABASE_ONE);
  if (head || single) return access('select', 'read', false, named);
  return access('select', 'read', true, { ...named, bounded: hasStep(rest, names('limit', 'range')) });
};

function isHeadOnly(node: TSESTree.Node | undefined): boolean {
  return hasLiteralProperty(node, 'head', true);
}

// ---------------------------------------------------------------- the table

const TYPEORM_DATA_SOURCES = [
  ['DataSource', NEW],
  ['Connection', NEW],
  ['createConnection', CALL],
  ['getConnection', CALL],
] as const;
const TYPEORM_MANAGERS = [...TYPEORM_DATA_SOURCES.map((path) => [...path, 'manager']), ['getManager', CALL], ['EntityManager', NEW], ['EntityManager']];
const TYPEORM_REPOSITORY_GETTERS = ['getRepository', 'getTreeRepository', 'getMongoRepository', 'getCustomRepository'];
const TYPEORM_REPOSITORIES = [
  ...[...TYPEORM_DATA_SOURCES, ...TYPEORM_MANAGERS, []].flatMap((path) =>
    TYPEORM_REPOSITORY_GETTERS.map((getter) => [...path, getter, CALL]),
  ),
  ['Repository', NEW],
  ['Repository'],
  ['TreeRepository', NEW],
  ['MongoRepository', NEW],
];

const PG_CLIENTS = [['Pool', NEW], ['Client', NEW], ['PoolClient'], ['ClientBase', NEW], ['PoolClient', NEW]];
const MYSQL_CLIENTS = [['createPool', CALL], ['createConnection', CALL], ['Pool'], ['Connection'], ['PoolConnection']].flatMap(
  (path) => [path, [...path, 'promise', CALL]],
);
const SUPABASE_CLIENTS = [
  'createClient', 'createServerClient', 'createBrowserClient', 'createRouteHandlerClient', 'createServerComponentClient',
  'createClientComponentClient', 'createServerActionClient', 'createMiddlewareClient', 'createPagesServerClient',
  'createPagesBrowserClient',
].map((factory) => [factory, CALL]);

const LIBRARIES: readonly Library[] = [
  {
    library: 'prisma',
    // The package, or a generated client imported by path (`../generated/prisma/client`).
    source: /^@prisma\/client(?:\/|$)|(?:^|\/)(?:\.prisma|generated\/prisma|prisma)(?:\/client)?(?:\/(?:index|client|edge|default))?(?:\.[cm]?[jt]s)?$/,
    receivers: [['client', ['PrismaClient', NEW]]],
    passThrough: names('$extends'),
    classify: classifyPrisma,
  },
  {
    library: 'drizzle',
    source: /^drizzle-orm(?:\/|$)/,
    receivers: [
      ['db', ['drizzle', CALL]],
      ['sql', ['sql']],
    ],
    classify: classifyDrizzle,
  },
  {
    library: 'sequelize',
    source: /^(?:sequelize|@sequelize\/core|sequelize-typescript)$/,
    receivers: [
      ['instance', ['Sequelize', NEW]],
      ['model', ['Sequelize', NEW, 'define', CALL]],
      ['model', ['Sequelize', NEW, 'models', '*']],
      ['model', ['Sequelize', NEW, 'model', CALL]],
      ['model', ['Model', 'extends']],
    ],
    classify: classifySequelize,
  },
  {
    library: 'typeorm',
    source: /^typeorm$/,
    receivers: [
      ...TYPEORM_DATA_SOURCES.map((path) => ['dataSource', path] as const),
      ['dataSource', ['DataSource']],
      ...TYPEORM_MANAGERS.map((path) => ['manager', path] as const),
      ...TYPEORM_REPOSITORIES.map((path) => ['repository', path] as const),
      ['queryBuilder', ['SelectQueryBuilder', NEW]],
    ],
    classify: classifyTypeorm,
  },
  {
    library: 'mongoose',
    source: /^mongoose$/,
    receivers: [
      ['module', []],
      ['model', ['model', CALL]],
      ['model', ['models', '*']],
      ['model', ['connection', 'model', CALL]],
      ['model', ['createConnection', CALL, 'model', CALL]],
      ['model', ['Model']],
      ['model', ['Model', 'extends']],
      ['document', ['model', CALL, NEW]],
    ],
    classify: classifyMongoose,
  },
  {
    library: 'mongodb',
    source: /^mongodb$/,
    receivers: [
      ['client', ['MongoClient', NEW]],
      ['client', ['MongoClient', 'connect', CALL]],
      ['client', ['MongoClient', NEW, 'connect', CALL]],
      ['db', ['Db', NEW]],
      ['db', ['Db']],
      ['collection', ['Collection', NEW]],
      ['collection', ['Collection']],
    ],
    classify: classifyMongodb,
  },
  {
    library: 'knex',
    source: /^knex$/,
    receivers: [
      ['instance', [CALL]],
      ['instance', ['knex', CALL]],
      ['instance', ['Knex', CALL]],
    ],
    classify: classifyKnex,
  },
  {
    library: 'pg',
    source: /^(?:pg|pg-pool)$/,
    receivers: [...PG_CLIENTS, [NEW]].flatMap((path) => [
      ['client', path] as const,
      ['client', [...path, 'connect', CALL]] as const,
    ]),
    classify: classifyPg,
  },
  {
    library: 'mysql2',
    source: /^mysql2(?:\/promise)?$/,
    receivers: MYSQL_CLIENTS.flatMap((path) => [
      ['client', path] as const,
      ['client', [...path, 'getConnection', CALL]] as const,
    ]),
    classify: classifyMysql,
  },
  {
    library: 'better-sqlite3',
    source: /^better-sqlite3$/,
    receivers: [
      ['database', [NEW]],
      ['database', ['Database', NEW]],
      ['database', ['Database']],
    ],
    classify: classifySqlite,
  },
  {
    library: 'supabase',
    // Deno (Supabase Edge Functions) imports it as `npm:`, `jsr:` or an esm.sh URL, often with a version.
    source:
      /^(?:npm:|jsr:|https:\/\/esm\.sh\/)?@supabase\/(?:supabase-js|ssr|auth-helpers-nextjs|auth-helpers-remix|auth-helpers-sveltekit)(?:@[\w.^~-]+)?$/,
    receivers: [...SUPABASE_CLIENTS.map((path) => ['client', path] as const), ['client', ['SupabaseClient', NEW]]],
    classify: classifySupabase,
  },
];

const DATA_METHODS = new Set<string>([
  '', ...PRISMA_READ, ...PRISMA_WRITE, '$queryRaw', '$queryRawUnsafe', '$executeRaw', '$executeRawUnsafe', '$transaction',
  '$connect', ...DRIZZLE_SELECT, ...DRIZZLE_WRITE, ...DRIZZLE_BUILDER, '$count', 'raw', 'findMany', 'findFirst',
  ...SEQUELIZE_READ, ...SEQUELIZE_WRITE, 'query', 'transaction', 'authenticate', 'sync', ...TYPEORM_READ, ...TYPEORM_WRITE,
  ...TYPEORM_QB_LIST, ...TYPEORM_QB_ONE, 'initialize', 'connect', 'createConnection', 'find', ...MONGO_READ_ONE, ...MONGO_WRITE,
  ...MONGO_QUERY, ...KNEX_START, ...KNEX_WRITE, ...KNEX_ONE, 'execute', 'getConnection', 'exec', 'iterate', 'rpc', 'single',
  'maybeSingle', 'range', 'eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'like', 'ilike', 'is', 'in', 'contains', 'match', 'not',
  'or', 'filter', 'order', 'limit', 'textSearch', 'csv', 'returns', 'overrideTypes', 'throwOnError', 'abortSignal',
]);

/**
 * `true` when `name` can end a data-access chain; a text check that runs before any
 * origin lookup. `''` stands for a call without a method name (`knex('users')`).
 */
export function isDataMethodName(name: string): boolean {
  return DATA_METHODS.has(name) || name.endsWith('Raw') || name.startsWith('where') || name.startsWith('order');
}

/** Classify a resolved chain: `source` is the module, `path` the full access path, `calls` the written calls by index. */
export function classifyDataAccess(
  source: string,
  path: readonly string[],
  calls: ReadonlyMap<number, TSESTree.CallExpression>,
): DataAccess | undefined {
  const library = LIBRARIES.find((candidate) => candidate.source.test(source));
  if (!library) return undefined;
  let best: { role: string; length: number } | undefined;
  for (const [role, pattern] of library.receivers) {
    if (pattern.length > path.length || (best && best.length >= pattern.length)) continue;
    if (pattern.every((step, index) => step === '*' || step === path[index])) best = { role, length: pattern.length };
  }
  if (!best) return undefined;
  let start = best.length;
  while (library.passThrough?.has(path[start] ?? '') && path[start + 1] === CALL) start += 2;
  const steps = toSteps(path, start, calls);
  if (!steps) return undefined;
  const answer = library.classify(best.role, steps);
  return answer && { library: library.library, ...answer, steps };
}

function toSteps(
  path: readonly string[],
  start: number,
  calls: ReadonlyMap<number, TSESTree.CallExpression>,
): DataStep[] | undefined {
  const steps: DataStep[] = [];
  for (let i = start; i < path.length; i++) {
    const step = path[i] as string;
    if (step === NEW) return undefined;
    if (step === CALL) {
      steps.push(withCall({ name: '', called: true }, calls.get(i)));
    } else if (path[i + 1] === CALL) {
      steps.push(withCall({ name: step, called: true }, calls.get(i + 1)));
      i++;
    } else {
      steps.push({ name: step, called: false });
    }
  }
  return steps;
}

function withCall(step: { name: string; called: boolean }, call: TSESTree.CallExpression | undefined): DataStep {
  return call ? { ...step, call } : step;
}
