import { createRuleTester } from '@prodready/test-kit';
import { ESLintUtils } from '@typescript-eslint/utils';

import { getCommentBlocks } from '../../src/ast/get-comment-blocks.js';

// Reports each block over its comments, with its kind, flags and lines joined by `|`.
const rule = ESLintUtils.RuleCreator.withoutDocs<[], 'block'>({
  meta: { type: 'problem', schema: [], messages: { block: '{{answer}}' } },
  create(context) {
    return {
      Program(): void {
        for (const block of getCommentBlocks(context)) {
          const flags = [block.kind, block.isJsdoc ? 'jsdoc' : '', block.isOwnLine ? 'own' : 'trailing'].filter(Boolean);
          context.report({
            loc: { start: block.comments[0]!.loc.start, end: block.comments.at(-1)!.loc.end },
            messageId: 'block',
            data: { answer: `${flags.join(',')}:${block.lines.join('|')}` },
          });
        }
      },
    };
  },
});

createRuleTester().run('getCommentBlocks', rule, {
  valid: ['const total = 1 + 2;'],
  invalid: [
    {
      // consecutive own-line comments at one column form one block
      code: `
// const user = await db.user.find();
// return user;
const total = 1;
`,
      errors: [
        {
          messageId: 'block',
          data: { answer: 'Line,own: const user = await db.user.find();| return user;' },
          line: 2,
          column: 1,
          endLine: 3,
          endColumn: 16,
        },
      ],
    },
    {
      // a blank line, a different column or a trailing comment starts a new block
      code: `
// first
    // indented

const total = 1; // trailing
// after
`,
      errors: [
        { messageId: 'block', data: { answer: 'Line,own: first' }, line: 2, column: 1, endLine: 2, endColumn: 9 },
        { messageId: 'block', data: { answer: 'Line,own: indented' }, line: 3, column: 5, endLine: 3, endColumn: 16 },
        { messageId: 'block', data: { answer: 'Line,trailing: trailing' }, line: 5, column: 18, endLine: 5, endColumn: 29 },
        { messageId: 'block', data: { answer: 'Line,own: after' }, line: 6, column: 1, endLine: 6, endColumn: 9 },
      ],
    },
    {
      // JSDoc gutters are stripped; a block comment stands alone
      code: `
/**
 * Loads a user.
 */
/* const a = 1; */
function loadUser() {}
`,
      errors: [
        { messageId: 'block', data: { answer: 'Block,jsdoc,own:| Loads a user.|' }, line: 2, column: 1, endLine: 4, endColumn: 4 },
        { messageId: 'block', data: { answer: 'Block,own: const a = 1;' }, line: 5, column: 1, endLine: 5, endColumn: 19 },
      ],
    },
    {
      // a multiplication across lines keeps its operator when not every line has a gutter
      code: `
/* const area = width *
   height; */
`,
      errors: [
        { messageId: 'block', data: { answer: 'Block,own: const area = width *|   height;' }, line: 2, column: 1, endLine: 3, endColumn: 14 },
      ],
    },
  ],
});
