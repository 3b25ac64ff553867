import type { TSESTree } from '@typescript-eslint/utils';

import type { RequestSourceKind } from '../frameworks/request/types.js';

/** Where a tainted value ends up; sanitizers that only help some sinks (`encodeURIComponent`) depend on it. */
export type TaintSink = 'command' | 'html' | 'path' | 'redirect' | 'sql';

export interface TaintOptions {
  /** The sink the caller checks; unset means no sink-specific sanitizer applies. */
  readonly sink?: TaintSink;
}

/** A value derived from request input: which part of the request, and the expression that read it. */
export interface Taint {
  readonly kind: RequestSourceKind;
  readonly source: TSESTree.Node;
}
