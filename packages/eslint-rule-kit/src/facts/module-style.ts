import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { unwrapExpression } from '../ast/unwrap-expression.js';

/**
 * How a module packages its behaviour: a class of static methods (`UserService.find()`), plain
 * function exports (`findUser()`), or an object singleton (`export const userService = { find() {} }`
 * or `export default new UserService()`).
 */
export type ModuleStyle = 'static-class' | 'functions' | 'object-singleton';

/** A module's style and the export that shows it (the first one). */
export interface ModuleStyleFact {
  readonly style: ModuleStyle;
  readonly node: TSESTree.Node;
}

const cache = new WeakMap<TSESTree.Program, ModuleStyleFact | null>();

/**
 * The one style a module's runtime exports follow, or `undefined` when it exports none of the
 * three, mixes them (a module with a class and helper functions has no single style), or only
 * re-exports. Type-only exports, constants and instance classes (DI services, models) are
 * neither evidence nor disqualifying. Memoized per program.
 */
export function getModuleStyle(program: TSESTree.Program): ModuleStyleFact | undefined {
  const cached = cache.get(program);
  if (cached !== undefined) return cached ?? undefined;
  const state: { found?: ModuleStyleFact; mixed: boolean } = { mixed: false };
  const localClasses = new Map<string, TSESTree.ClassDeclaration>();
  for (const statement of program.body) {
    const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : statement;
    if (declaration?.type === AST_NODE_TYPES.ClassDeclaration && declaration.id) localClasses.set(declaration.id.name, declaration);
  }
  const add = (style: ModuleStyle | undefined, node: TSESTree.Node): void => {
    if (!style) return;
    if (state.found && state.found.style !== style) state.mixed = true;
    state.found ??= { style, node };
  };
  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ExportNamedDeclaration && statement.exportKind !== 'type' && statement.declaration) {
      const declaration = statement.declaration;
      if (declaration.type === AST_NODE_TYPES.FunctionDeclaration) add('functions', declaration.id ?? declaration);
      else if (declaration.type === AST_NODE_TYPES.ClassDeclaration) add(getClassStyle(declaration), declaration.id ?? declaration);
      else if (declaration.type === AST_NODE_TYPES.VariableDeclaration && declaration.kind === 'const') {
        for (const declarator of declaration.declarations) {
          if (declarator.init) add(getValueStyle(declarator.init, localClasses), declarator.id);
        }
      }
    } else if (statement.type === AST_NODE_TYPES.ExportDefaultDeclaration) {
      const declaration = statement.declaration;
      if (declaration.type === AST_NODE_TYPES.FunctionDeclaration) add('functions', declaration.id ?? declaration);
      else if (declaration.type === AST_NODE_TYPES.ClassDeclaration) add(getClassStyle(declaration), declaration.id ?? declaration);
      else if (declaration.type !== AST_NODE_TYPES.TSInterfaceDeclaration && declaration.type !== AST_NODE_TYPES.TSDeclareFunction) {
        add(getValueStyle(declaration, localClasses), declaration);
      }
    }
  }
  const result = state.mixed || !state.found ? null : state.found;
  cache.set(program, result);
  return result ?? undefined;
}

function getClassStyle(node: TSESTree.ClassDeclaration): ModuleStyle | undefined {
  if (node.superClass || node.abstract) return undefined;
  let statics = 0;
  for (const member of node.body.body) {
    if (member.type === AST_NODE_TYPES.StaticBlock) continue;
    if (member.type !== AST_NODE_TYPES.MethodDefinition && member.type !== AST_NODE_TYPES.PropertyDefinition) return undefined;
    // A private constructor is how a static-only class forbids instances.
    if (member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor') {
      if (member.accessibility === 'private' && member.value.body?.body.length === 0) continue;
      return undefined;
    }
    if (!member.static) return undefined;
    if (member.type === AST_NODE_TYPES.MethodDefinition) statics += 1;
  }
  return statics >= 2 ? 'static-class' : undefined;
}

function getValueStyle(init: TSESTree.Node, localClasses: ReadonlyMap<string, TSESTree.ClassDeclaration>): ModuleStyle | undefined {
  const value = unwrapExpression(init);
  if (value.type === AST_NODE_TYPES.ArrowFunctionExpression || value.type === AST_NODE_TYPES.FunctionExpression) return 'functions';
  if (value.type === AST_NODE_TYPES.ObjectExpression) {
    // A service object: at least two members, all of them functions (a config object or a lookup table is data).
    const properties = value.properties;
    if (properties.length < 2) return undefined;
    const allFunctions = properties.every(
      (property) =>
        property.type === AST_NODE_TYPES.Property &&
        (property.method ||
          property.value.type === AST_NODE_TYPES.ArrowFunctionExpression ||
          property.value.type === AST_NODE_TYPES.FunctionExpression),
    );
    return allFunctions ? 'object-singleton' : undefined;
  }
  if (value.type === AST_NODE_TYPES.NewExpression && value.callee.type === AST_NODE_TYPES.Identifier) {
    // `new UserService()` of a class declared here: the module hands out one shared instance.
    return localClasses.has(value.callee.name) ? 'object-singleton' : undefined;
  }
  return undefined;
}
