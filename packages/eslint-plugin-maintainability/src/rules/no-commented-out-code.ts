import {
  allowOptionSchema,
  AST_NODE_TYPES,
  type CommentBlock,
  getCommentBlocks,
  isDirectiveComment,
  isGeneratedFile,
  type TSESLint,
  type TSESTree,
} from '@prodready/eslint-rule-kit';

import { createRule } from '../create-rule.js';

export type Options = [{ allow: string[] }];
export type MessageIds = 'commentedOutCode';

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
type ParseFunction = (code: string, options: Record<string, unknown>) => unknown;

// Without one of these a comment cannot be a statement worth reporting; saves a parse per prose comment.
const CODE_HINT = /[;{}()=<]|^\s*(?:import|export|const|let|var|return|await|if|for|while|function|class|type|interface)\b/m;
// …and some line has to end or start the way code lines do (prose ends in a word or a full stop).
const CODE_LINE = /[;{}(),[\]>]\s*$|^\s*(?:import|export|const|let|var|return|await|if|for|while|function|class|type|interface)\b|^\s*[<}]/m;
const LICENSE = /\b(?:copyright|licen[sc]e|SPDX)\b/i;
// A doc comment showing how to call something, not disabled code.
const EXAMPLE_HEADER = /^\s*(?:@?example|usage|e\.g\.|for example|for instance|like so|like this|such as|see|output|returns?)\b/i;
const MAX_LINES = 200;

export default createRule<Options, MessageIds>({
  name: 'no-commented-out-code',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Disallow comments that contain commented-out code',
      recommended: 'strict',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allow: {
            ...allowOptionSchema,
            description: 'Substrings; a comment block containing any of them is never reported.',
          },
        },
      },
    ],
    defaultOptions: [{ allow: [] }],
    messages: {
      commentedOutCode:
        'This comment is commented-out code: it drifts out of sync with the code around it and readers cannot tell whether it is meant to run. Delete it; version control keeps the history.',
    },
  },
  create(context, [{ allow }]) {
    if (isGeneratedFile(context)) return {};
    const parse = getParse(context);
    if (!parse) return {};
    const jsx = /\.[cm]?[jt]sx$/.test(context.filename);

    return {
      Program(): void {
        for (const block of getCommentBlocks(context)) {
          const start = getCodeStart(block, allow, block.isOwnLine || isJsxComment(context, block));
          if (start === undefined) continue;
          const code = block.lines.slice(start).join('\n');
          if (!isCode(parse, code, jsx)) continue;
          const first = block.kind === 'Line' ? block.comments[start]! : block.comments[0]!;
          context.report({
            loc: { start: first.loc.start, end: block.comments.at(-1)!.loc.end },
            messageId: 'commentedOutCode',
          });
        }
      },
    };
  },
});

// The first line worth parsing, or `undefined` when the block is not a candidate at all.
function getCodeStart(block: CommentBlock, allow: readonly string[], standsAlone: boolean): number | undefined {
  if (!standsAlone || block.isJsdoc || block.lines.length > MAX_LINES) return undefined;
  if (block.comments.some(isDirectiveComment)) return undefined;
  const text = block.lines.join('\n');
  if (!CODE_HINT.test(text) || !CODE_LINE.test(text) || LICENSE.test(text) || allow.some((phrase) => text.includes(phrase))) return undefined;
  const [header] = block.lines;
  if (header !== undefined && EXAMPLE_HEADER.test(header)) return undefined;
  // `// Old query:` above the disabled lines: parse what follows the header.
  if (block.kind === 'Line' && block.lines.length > 1 && header !== undefined && /:\s*$/.test(header) && !CODE_HINT.test(header)) {
    return 1;
  }
  return 0;
}

// `{/* <AdminPanel /> */}`: the only way to comment out JSX, so it stands alone like an own-line comment.
function isJsxComment(context: AnyContext, block: CommentBlock): boolean {
  const [comment] = block.comments;
  if (block.kind !== 'Block' || !comment) return false;
  const node = context.sourceCode.getNodeByRangeIndex(comment.range[0]);
  return node?.type === AST_NODE_TYPES.JSXEmptyExpression || node?.type === AST_NODE_TYPES.JSXExpressionContainer;
}

function getParse(context: AnyContext): ParseFunction | undefined {
  const parser = context.languageOptions.parser as { parse?: ParseFunction; parseForESLint?: ParseFunction } | undefined;
  if (typeof parser?.parse === 'function') return parser.parse.bind(parser);
  if (typeof parser?.parseForESLint === 'function') {
    const parseForESLint = parser.parseForESLint.bind(parser);
    return (code, options) => (parseForESLint(code, options) as { ast: unknown }).ast;
  }
  return undefined;
}

function isCode(parse: ParseFunction, code: string, jsx: boolean): boolean {
  let program: TSESTree.Program;
  try {
    program = parse(code, {
      ecmaVersion: 'latest',
      sourceType: 'module',
      ecmaFeatures: { jsx },
      range: true,
      loc: false,
      comment: false,
      tokens: false,
    }) as TSESTree.Program;
  } catch {
    return false;
  }
  const statements = program.body.filter((statement) => statement.type !== AST_NODE_TYPES.EmptyStatement);
  if (statements.length === 0) return false;
  let strong = false;
  for (const statement of statements) {
    const kind = classify(statement, code);
    if (kind === 'prose') return false;
    if (kind === 'strong') strong = true;
  }
  // A lone call like `// getUser()` is as likely a reference in prose as disabled code.
  return strong || statements.length > 1;
}

// `strong`: only code reads like this. `weak`: code, but also a plausible word or reference. `prose`: a sentence that parsed.
function classify(statement: TSESTree.ProgramStatement, code: string): 'strong' | 'weak' | 'prose' {
  switch (statement.type) {
    case AST_NODE_TYPES.ExpressionStatement:
      return classifyExpression(statement.expression, code.slice(statement.range[0], statement.range[1]));
    case AST_NODE_TYPES.LabeledStatement:
    case AST_NODE_TYPES.BlockStatement:
      return 'prose';
    case AST_NODE_TYPES.BreakStatement:
    case AST_NODE_TYPES.ContinueStatement:
    case AST_NODE_TYPES.DebuggerStatement:
      return 'weak';
    case AST_NODE_TYPES.ReturnStatement:
      return statement.argument ? 'strong' : 'weak';
    default:
      return 'strong';
  }
}

function classifyExpression(expression: TSESTree.Expression, text: string): 'strong' | 'weak' | 'prose' {
  switch (expression.type) {
    case AST_NODE_TYPES.AssignmentExpression:
    case AST_NODE_TYPES.AwaitExpression:
    case AST_NODE_TYPES.UpdateExpression:
    case AST_NODE_TYPES.NewExpression:
    case AST_NODE_TYPES.YieldExpression:
    case AST_NODE_TYPES.JSXElement:
    case AST_NODE_TYPES.JSXFragment:
      return 'strong';
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.ChainExpression:
      // `db.user.create(data);` or `logger.info('x')` is code; `getUser()` alone may be a mention.
      return text.trimEnd().endsWith(';') || hasMemberCallee(expression) ? 'strong' : 'weak';
    case AST_NODE_TYPES.ArrowFunctionExpression:
    case AST_NODE_TYPES.FunctionExpression:
      return 'strong';
    default:
      return 'prose';
  }
}

function hasMemberCallee(expression: TSESTree.Expression): boolean {
  const call = expression.type === AST_NODE_TYPES.ChainExpression ? expression.expression : expression;
  return call.type === AST_NODE_TYPES.CallExpression && call.callee.type === AST_NODE_TYPES.MemberExpression;
}
