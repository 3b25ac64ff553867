import type { TSESTree } from '@typescript-eslint/utils';

import type { RequestSourceKind } from '../frameworks/request/types.js';

/** Where a tainted value ends up; sanitizers that only help some sinks (`encodeURIComponent`) depend on it. */
export type TaintSink = 'code' | 'command' | 'html' | 'nosql' | 'path' | 'redirect' | 'regex' | 'sql' | 'url';

export interface TaintOptions {
  /** The sink the caller checks; unset means no sink-specific sanitizer applies. */
  readonly sink?: TaintSink;
  /**
   * The project's own sanitizers: a call whose callee is written as one of these (`escapeHtml`,
   * `security.cleanPath`) returns safe data. From a rule's options; matched by the callee's text.
   */
  readonly sanitizers?: readonly string[];
}

/** A value derived from request input: which part of the request, and the expression that read it. */
export interface Taint {
  readonly kind: RequestSourceKind;
  readonly source: TSESTree.Node;
}
