import {
  AST_NODE_TYPES,
  findVariable,
  getEnclosingFunction,
  getOrigin,
  getRequestHandler,
  getRequestSourceLabel,
  getStaticPropertyName,
  getTaint,
  isFunctionLike,
  isInTestFile,
  type Taint,
  type TSESLint,
  type TSESTree,
  unwrapExpression,
} from '@prodready/eslint-rule-kit';

import { createRule } from '../create-rule.js';

export type Options = [{ sanitizers: string[] }];
export type MessageIds = 'pathTraversal';

type Context = Readonly<TSESLint.RuleContext<MessageIds, Options>>;

const FS_MODULES = new Set(['fs', 'fs/promises', 'fs-extra', 'graceful-fs']);
// File APIs and how many leading arguments are paths. Existence checks (`stat`, `access`) are left out.
const FS_FUNCTIONS: Readonly<Record<string, number>> = {
  readFile: 1, readFileSync: 1, createReadStream: 1, createWriteStream: 1, writeFile: 1, writeFileSync: 1,
  appendFile: 1, appendFileSync: 1, unlink: 1, unlinkSync: 1, rm: 1, rmSync: 1, rmdir: 1, rmdirSync: 1,
  readdir: 1, readdirSync: 1, open: 1, openSync: 1, truncate: 1, truncateSync: 1,
  copyFile: 2, copyFileSync: 2, cp: 2, cpSync: 2, rename: 2, renameSync: 2, symlink: 2, symlinkSync: 2,
  // fs-extra
  outputFile: 1, outputFileSync: 1, outputJson: 1, outputJsonSync: 1, readJson: 1, readJsonSync: 1, writeJson: 1,
  writeJsonSync: 1, remove: 1, removeSync: 1, copy: 2, copySync: 2, move: 2, moveSync: 2,
};
const RESPONSE_FILE_METHODS = new Set(['sendFile', 'download']);
// Upload middleware (multer) names the stored file itself: these properties are not the client's.
const GENERATED_UPLOAD_PROPERTIES = new Set(['path', 'filename', 'destination', 'key', 'location', 'id']);

export default createRule<Options, MessageIds>({
  name: 'no-path-traversal',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow request input in file system paths without a containment check',
      recommended: 'strict',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          sanitizers: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description:
              'Callees, as written at the call (`safeJoin`, `storage.resolveKey`), whose result the rule treats as a contained path.',
          },
        },
      },
    ],
    defaultOptions: [{ sanitizers: [] }],
    messages: {
      pathTraversal:
        '`{{callee}}` opens a path built from {{input}}, so a request containing `../` reads, overwrites or deletes any file the server can reach (`.env`, keys, source). Keep only the file name (`path.basename`) or resolve the path and check that it stays inside the intended folder.',
    },
  },
  create(context, [{ sanitizers }]) {
    if (isInTestFile(context) || !/fs|sendFile|download/.test(context.sourceCode.text)) return {};

    function check(node: TSESTree.Node | undefined, callee: string): void {
      if (!node || node.type === AST_NODE_TYPES.SpreadElement) return;
      const taint = getTaint(context, node, { sink: 'path', sanitizers });
      if (!taint || isGeneratedUpload(taint) || hasContainmentCheck(context, node)) return;
      context.report({ node, messageId: 'pathTraversal', data: { callee, input: getRequestSourceLabel(taint.kind) } });
    }

    return {
      CallExpression(node): void {
        if (node.arguments.length === 0) return;
        const callee = unwrapExpression(node.callee);
        if (callee.type === AST_NODE_TYPES.MemberExpression) {
          const method = getStaticPropertyName(callee);
          if (method === undefined) return;
          if (RESPONSE_FILE_METHODS.has(method)) {
            // `send` refuses `..` segments when a `root` is given.
            if (isHandlerResponse(context, callee.object) && !hasRootOption(node)) check(node.arguments[0], `res.${method}`);
            return;
          }
          if (!Object.hasOwn(FS_FUNCTIONS, method)) return;
        } else if (callee.type !== AST_NODE_TYPES.Identifier) {
          // Identifiers may be aliased imports (`import { readFile as read }`): resolved below.
          return;
        }
        const name = getFsFunction(context, callee);
        if (name === undefined) return;
        const count = FS_FUNCTIONS[name] ?? 1;
        for (const argument of node.arguments.slice(0, count)) check(argument, name);
      },
    };
  },
});

/** The fs function `callee` is, by origin: `fs.readFile`, `fs.promises.unlink`, `readFile` from `fs/promises`, fs-extra. */
function getFsFunction(context: Context, callee: TSESTree.Node): string | undefined {
  const origin = getOrigin(context, callee);
  if (!origin || !FS_MODULES.has(origin.source)) return undefined;
  const path = origin.path[0] === 'promises' ? origin.path.slice(1) : origin.path;
  const [name, ...rest] = path;
  return name !== undefined && rest.length === 0 && Object.hasOwn(FS_FUNCTIONS, name) ? name : undefined;
}

/** `req.file.path` and `req.files[0].filename` are chosen by multer, not by the client. */
function isGeneratedUpload(taint: Taint): boolean {
  const source = unwrapExpression(taint.source);
  return (
    taint.kind === 'form' &&
    source.type === AST_NODE_TYPES.MemberExpression &&
    GENERATED_UPLOAD_PROPERTIES.has(getStaticPropertyName(source) ?? '')
  );
}

/** `res.sendFile(name, { root: PUBLIC_DIR })`. */
function hasRootOption(call: TSESTree.CallExpression): boolean {
  return call.arguments.some(
    (argument) =>
      argument.type === AST_NODE_TYPES.ObjectExpression &&
      argument.properties.some(
        (property) => property.type === AST_NODE_TYPES.Property && getStaticPropertyName(property) === 'root',
      ),
  );
}

/** `res` is the response parameter of the request handler it belongs to. */
function isHandlerResponse(context: Context, node: TSESTree.Node): boolean {
  const object = unwrapExpression(node);
  if (object.type !== AST_NODE_TYPES.Identifier) return false;
  const def = findVariable(context, object)?.defs[0];
  if (def?.type !== 'Parameter' || !isFunctionLike(def.node)) return false;
  return getRequestHandler(context, def.node)?.responseParam === def.name;
}

/**
 * A check in the same function that the path stays inside its folder, before the use:
 * `path.relative(root, target)` computed from the same variable, or an `if` testing it for `..` or `/`.
 */
function hasContainmentCheck(context: Context, input: TSESTree.Node): boolean {
  return getIdentifiers(input).some((identifier) => isContained(context, identifier, input));
}

/** The variables a path expression reads directly: `full`, and `name` in `path.join(ROOT, name)` or a template. */
function getIdentifiers(input: TSESTree.Node): TSESTree.Identifier[] {
  const node = unwrapExpression(input);
  switch (node.type) {
    case AST_NODE_TYPES.Identifier:
      return [node];
    case AST_NODE_TYPES.TemplateLiteral:
      return node.expressions.flatMap((expression) => getIdentifiers(expression));
    case AST_NODE_TYPES.BinaryExpression:
      return [...getIdentifiers(node.left), ...getIdentifiers(node.right)];
    case AST_NODE_TYPES.CallExpression:
      return node.arguments.flatMap((argument) => getIdentifiers(argument));
    default:
      return [];
  }
}

function isContained(context: Context, node: TSESTree.Identifier, sink: TSESTree.Node): boolean {
  const variable = findVariable(context, node);
  const fn = getEnclosingFunction(node);
  if (!variable || !fn) return false;
  return variable.references.some((reference) => {
    const use = reference.identifier;
    if (use === node || use.range[0] > node.range[0] || getEnclosingFunction(use) !== fn) return false;
    const call = use.parent;
    if (call.type === AST_NODE_TYPES.CallExpression && call.arguments.some((argument) => argument === use)) {
      const origin = getOrigin(context, call.callee);
      if (origin && (origin.source === 'path' || origin.source === 'path/posix') && origin.path.join('.') === 'relative') {
        return true;
      }
    }
    return isSeparatorTest(context, use, sink);
  });
}

/**
 * `use` sits in the test of an `if` that looks for `'..'` or `'/'` and either exits
 * (`if (name.includes('..')) return …`) or holds the sink (`if (!name.includes('/')) res.sendFile(…)`).
 */
function isSeparatorTest(context: Context, use: TSESTree.Node, sink: TSESTree.Node): boolean {
  for (let current: TSESTree.Node | undefined = use.parent; current && !isFunctionLike(current); current = current.parent) {
    if (current.type === AST_NODE_TYPES.IfStatement) {
      const test = current.test;
      const isInTest = use.range[0] >= test.range[0] && use.range[1] <= test.range[1];
      const text = context.sourceCode.getText(test);
      const holdsSink = sink.range[0] >= current.consequent.range[0] && sink.range[1] <= current.consequent.range[1];
      return isInTest && /'\.\.'|"\.\."|'\/'|"\/"/.test(text) && (exits(current.consequent) || holdsSink);
    }
  }
  return false;
}

function exits(statement: TSESTree.Statement): boolean {
  if (statement.type === AST_NODE_TYPES.BlockStatement) return statement.body.some((inner) => exits(inner));
  return statement.type === AST_NODE_TYPES.ReturnStatement || statement.type === AST_NODE_TYPES.ThrowStatement;
}
