import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** Comments read together: one block comment, or a run of `//` comments on consecutive lines. */
export interface CommentBlock {
  /** The comments in source order (one for a block comment). */
  readonly comments: readonly TSESTree.Comment[];
  /** Text of each line without the comment markers (`//`, `/*`, a leading `*`), trimmed at the end only. */
  readonly lines: readonly string[];
  /** `'Line'` for a `//` run, `'Block'` for a block comment. */
  readonly kind: 'Line' | 'Block';
  /** `/** … *\/` JSDoc. */
  readonly isJsdoc: boolean;
  /** No code before it on its first line (a comment of its own, not a trailing remark). */
  readonly isOwnLine: boolean;
}

const cache = new WeakMap<object, readonly CommentBlock[]>();

/**
 * The file's comments grouped as a reader sees them: each block comment alone, and
 * `//` comments that sit on their own lines, at the same column, on consecutive lines,
 * merged into one block. A trailing `//` comment after code is a block of its own.
 * Computed once per file.
 */
export function getCommentBlocks(context: AnyContext): readonly CommentBlock[] {
  const { sourceCode } = context;
  const cached = cache.get(sourceCode);
  if (cached) return cached;
  const blocks: CommentBlock[] = [];
  let run: TSESTree.Comment[] = [];
  const flush = (): void => {
    if (run.length > 0) blocks.push(toLineBlock(run, isOwnLine(sourceCode, run[0]!)));
    run = [];
  };
  for (const comment of sourceCode.getAllComments()) {
    if (comment.type === 'Block') {
      flush();
      blocks.push(toBlockComment(comment, isOwnLine(sourceCode, comment)));
      continue;
    }
    const ownLine = isOwnLine(sourceCode, comment);
    const previous = run.at(-1);
    if (
      previous &&
      ownLine &&
      isOwnLine(sourceCode, run[0]!) &&
      previous.loc.end.line + 1 === comment.loc.start.line &&
      previous.loc.start.column === comment.loc.start.column
    ) {
      run.push(comment);
      continue;
    }
    flush();
    run.push(comment);
  }
  flush();
  cache.set(sourceCode, blocks);
  return blocks;
}

function isOwnLine(sourceCode: Readonly<TSESLint.SourceCode>, comment: TSESTree.Comment): boolean {
  const before = sourceCode.getTokenBefore(comment, { includeComments: true });
  return !before || before.loc.end.line < comment.loc.start.line;
}

function toLineBlock(comments: TSESTree.Comment[], isOwnLine: boolean): CommentBlock {
  return { comments, lines: comments.map((comment) => comment.value.trimEnd()), kind: 'Line', isJsdoc: false, isOwnLine };
}

function toBlockComment(comment: TSESTree.Comment, isOwnLine: boolean): CommentBlock {
  const isJsdoc = comment.value.startsWith('*') && !comment.value.startsWith('**');
  const raw = comment.value.split(/\r?\n/);
  // Strip the `*` gutter only when every continuation line has it, so `a *\n b` keeps its operator.
  const gutter = raw.length > 1 && raw.slice(1).every((line) => /^\s*\*/.test(line) || line.trim() === '');
  const lines = raw.map((line, index) => {
    let text = index === 0 && isJsdoc ? line.slice(1) : line;
    if (gutter && index > 0) text = text.replace(/^\s*\*(?!\/)/, '');
    return text.trimEnd();
  });
  return { comments: [comment], lines, kind: 'Block', isJsdoc, isOwnLine };
}
