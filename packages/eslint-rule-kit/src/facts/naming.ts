import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { getNamingStyle } from '../ast/get-naming-style.js';
import { unwrapExpression } from '../ast/unwrap-expression.js';

/** Kinds of names the pre-pass counts conventions for. */
export type NamingKind = 'functions' | 'asyncFunctions' | 'classes' | 'constants' | 'booleans';

/** One declared name, its kind and the convention it follows. */
export interface NamingSample {
  readonly kind: NamingKind;
  /** `camelCase`, `snake_case`, `PascalCase`, `UPPER_CASE`, `kebab-case`, `with an Async suffix`, `without an is/has prefix`, … */
  readonly convention: string;
  readonly node: TSESTree.Identifier;
}

const BOOLEAN_PREFIX = /^_*(?:is|has|have|should|can|could|was|were|will|did|does|do|needs?|must|allows?|enabled?|show|use|shall)(?:[A-Z_]|$)/i;
const ASYNC_SUFFIX = /(?:Async|_async)$/;
const COMPARISON = new Set(['===', '!==', '==', '!=', '<', '>', '<=', '>=', 'instanceof', 'in']);

/**
 * The naming samples a declaration contributes: function and async function names (camelCase vs
 * snake_case only — PascalCase functions are components, decorators or factories on purpose),
 * class names, module-level primitive constants, and booleans (prefix or not). Single-word
 * lowercase names fit every case style, so they are never samples. `checkFunctions: false` skips
 * function names (JSX files, where PascalCase components are the norm).
 */
export function getNamingSamples(node: TSESTree.Node, checkFunctions = true): NamingSample[] {
  switch (node.type) {
    case AST_NODE_TYPES.FunctionDeclaration:
      return node.id && checkFunctions && !node.declare ? getFunctionSamples(node.id, node) : [];
    case AST_NODE_TYPES.ClassDeclaration:
      return node.id && !node.declare ? getClassSamples(node.id) : [];
    case AST_NODE_TYPES.VariableDeclarator:
      return getDeclaratorSamples(node, checkFunctions);
    default:
      return [];
  }
}

function getDeclaratorSamples(node: TSESTree.VariableDeclarator, checkFunctions: boolean): NamingSample[] {
  if (node.id.type !== AST_NODE_TYPES.Identifier || !node.init || node.parent.declare) return [];
  const init = unwrapExpression(node.init) as TSESTree.Expression;
  if (init.type === AST_NODE_TYPES.ArrowFunctionExpression || init.type === AST_NODE_TYPES.FunctionExpression) {
    return checkFunctions ? getFunctionSamples(node.id, init) : [];
  }
  if (init.type === AST_NODE_TYPES.ClassExpression) return getClassSamples(node.id);
  if (isBoolean(node, init)) {
    const style = getNamingStyle(node.id.name);
    // `DEBUG = true` is a constant flag, not a boolean variable named in prose.
    if (style === undefined || style === 'UPPER_CASE') return [];
    return [{ kind: 'booleans', convention: BOOLEAN_PREFIX.test(node.id.name) ? 'with an is/has prefix' : 'without an is/has prefix', node: node.id }];
  }
  if (node.parent.kind === 'const' && isModuleLevel(node.parent) && isPrimitiveLiteral(init)) {
    const style = getNamingStyle(node.id.name);
    if (style === 'UPPER_CASE' || style === 'camelCase' || style === 'snake_case') {
      return [{ kind: 'constants', convention: style, node: node.id }];
    }
  }
  return [];
}

function getFunctionSamples(id: TSESTree.Identifier, fn: TSESTree.FunctionLike): NamingSample[] {
  const style = getNamingStyle(id.name);
  if (style !== 'camelCase' && style !== 'snake_case') return [];
  const samples: NamingSample[] = [{ kind: 'functions', convention: style, node: id }];
  if (fn.async) samples.push({ kind: 'asyncFunctions', convention: ASYNC_SUFFIX.test(id.name) ? 'with an Async suffix' : 'without an Async suffix', node: id });
  return samples;
}

function getClassSamples(id: TSESTree.Identifier): NamingSample[] {
  const style = getNamingStyle(id.name);
  return style === 'PascalCase' || style === 'camelCase' || style === 'snake_case' ? [{ kind: 'classes', convention: style, node: id }] : [];
}

function isBoolean(node: TSESTree.VariableDeclarator, init: TSESTree.Expression): boolean {
  if (node.id.typeAnnotation?.typeAnnotation.type === AST_NODE_TYPES.TSBooleanKeyword) return true;
  if (init.type === AST_NODE_TYPES.Literal) return typeof init.value === 'boolean';
  if (init.type === AST_NODE_TYPES.UnaryExpression) return init.operator === '!';
  return init.type === AST_NODE_TYPES.BinaryExpression && COMPARISON.has(init.operator);
}

function isModuleLevel(declaration: TSESTree.VariableDeclaration): boolean {
  const parent = declaration.parent;
  return parent.type === AST_NODE_TYPES.Program || (parent.type === AST_NODE_TYPES.ExportNamedDeclaration && parent.parent.type === AST_NODE_TYPES.Program);
}

function isPrimitiveLiteral(init: TSESTree.Expression): boolean {
  if (init.type === AST_NODE_TYPES.Literal) return typeof init.value === 'string' || typeof init.value === 'number';
  if (init.type === AST_NODE_TYPES.TemplateLiteral) return init.expressions.length === 0;
  return init.type === AST_NODE_TYPES.UnaryExpression && init.operator === '-' && init.argument.type === AST_NODE_TYPES.Literal;
}

/**
 * The convention of a file's name (the part before the first `.`: `user-service.test.ts` →
 * `user-service`), or `undefined` for single words, `index`, and route segments like `[id]`.
 */
export function getFileNamingConvention(file: string): string | undefined {
  const base = file.slice(file.lastIndexOf('/') + 1);
  const stem = base.split('.')[0] ?? '';
  if (!/^[A-Za-z][\w-]*$/.test(stem)) return undefined;
  const style = getNamingStyle(stem);
  return style === 'lowercase' || style === 'UPPER_CASE' ? undefined : style;
}
