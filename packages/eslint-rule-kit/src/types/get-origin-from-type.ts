import { ESLintUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';

import type { Origin } from '../origin/get-origin.js';
import { normaliseSource } from '../origin/normalise-source.js';

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * With type information, the package that declares the type of `node`'s value:
 * `prisma` imported from `./db` whose type is `PrismaClient` gives
 * `{ source: '@prisma/client', path: ['PrismaClient', 'new'], via: 'type' }`.
 * Without a TypeScript program, or for a type declared in the project, `undefined`.
 */
export function getOriginFromType(context: AnyContext, node: TSESTree.Node): Origin | undefined {
  // Files parsed by another parser (espree for .js in some setups) have no services at all.
  if (!context.sourceCode.parserServices?.program) return undefined;
  const services = ESLintUtils.getParserServices(context, true);
  if (!services.program) return undefined;
  const type = services.getTypeAtLocation(node);
  const symbol = type.aliasSymbol ?? type.getSymbol();
  const declaration = symbol?.declarations?.[0];
  if (!symbol || !declaration) return undefined;
  const source = getAmbientModuleName(declaration) ?? getPackageName(declaration.getSourceFile().fileName);
  if (source === undefined) return undefined;
  // A class instance type is the class's `new`; an interface or alias is named as is.
  const isInstance = (symbol.flags & CLASS_FLAG) !== 0 && !isConstructorType(type);
  return { source, path: isInstance ? [symbol.name, 'new'] : [symbol.name], via: 'type' };
}

/** `declare module 'http' { … }` (how `@types/node` declares builtins) → `http`. */
function getAmbientModuleName(declaration: ts.Declaration): string | undefined {
  for (let current: ts.Node | undefined = declaration.parent; current; current = current.parent) {
    // ts.SyntaxKind.ModuleDeclaration with a string-literal name; kinds read structurally (no runtime `typescript`).
    const name = (current as Partial<ts.ModuleDeclaration>).name;
    if (current.kind === MODULE_DECLARATION_KIND && name && 'text' in name && isStringLiteralLike(name)) {
      return normaliseSource(name.text);
    }
  }
  return undefined;
}

function isStringLiteralLike(node: ts.Node): boolean {
  return node.kind === STRING_LITERAL_KIND;
}

// ts.SyntaxKind values, inlined so the kit never needs `typescript` at runtime.
const MODULE_DECLARATION_KIND = 268;
const STRING_LITERAL_KIND = 11;

// ts.SymbolFlags.Class, inlined so the kit never needs `typescript` at runtime.
const CLASS_FLAG = 32;

function isConstructorType(type: ts.Type): boolean {
  return type.getConstructSignatures().length > 0;
}

/**
 * The npm package a declaration file belongs to: `…/node_modules/@types/pg/index.d.ts`
 * → `pg`; `…/node_modules/.prisma/client/index.d.ts` → `@prisma/client`.
 */
export function getPackageName(fileName: string): string | undefined {
  const normalised = fileName.replaceAll('\\', '/');
  const index = normalised.lastIndexOf('/node_modules/');
  if (index === -1) return undefined;
  const parts = normalised.slice(index + '/node_modules/'.length).split('/');
  const [first, second] = parts;
  if (!first) return undefined;
  if (first === '.prisma') return '@prisma/client';
  if (first === 'typescript' && second === 'lib') return 'global';
  if (first === '@types' && second) return second.includes('__') ? `@${second.replace('__', '/')}` : second;
  if (first.startsWith('@')) return second ? `${first}/${second}` : undefined;
  return first;
}
