import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import type { Origin } from '../../origin/get-origin.js';
import { getOrigin } from '../../origin/get-origin.js';
import type { AnyContext } from './types.js';

/**
 * Where the declared type of a parameter or variable comes from, read from its annotation only
 * (no type checker): `req: Request` with `import { Request } from 'express'` → `{ source: 'express', path: ['Request'] }`,
 * `reply: fastify.FastifyReply` → `{ source: 'fastify', path: ['FastifyReply'] }`.
 */
export function getTypeAnnotationOrigin(context: AnyContext, node: TSESTree.Node | undefined): Origin | undefined {
  if (!node) return undefined;
  const target = node.type === AST_NODE_TYPES.AssignmentPattern ? node.left : node;
  if (
    target.type !== AST_NODE_TYPES.Identifier &&
    target.type !== AST_NODE_TYPES.ObjectPattern &&
    target.type !== AST_NODE_TYPES.ArrayPattern
  ) {
    return undefined;
  }
  const annotation = target.typeAnnotation?.typeAnnotation;
  if (annotation?.type !== AST_NODE_TYPES.TSTypeReference) return undefined;
  return getTypeNameOrigin(context, annotation.typeName);
}

function getTypeNameOrigin(context: AnyContext, name: TSESTree.EntityName): Origin | undefined {
  if (name.type === AST_NODE_TYPES.Identifier) {
    const origin = getOrigin(context, name);
    return origin?.via === 'import' || origin?.via === 'require' ? origin : undefined;
  }
  if (name.type !== AST_NODE_TYPES.TSQualifiedName) return undefined;
  const left = getTypeNameOrigin(context, name.left);
  return left && { source: left.source, path: [...left.path, name.right.name], via: left.via };
}
