import { describe, expect, it } from 'vitest';
import type { TSESTree } from '@typescript-eslint/utils';

import { isDirectiveComment } from '../../src/ast/is-directive-comment.js';

function comment(type: 'Line' | 'Block', value: string): TSESTree.Comment {
  return { type, value } as TSESTree.Comment;
}

describe('isDirectiveComment', () => {
  it('recognises comments addressed to tools', () => {
    const directives = [
      comment('Line', ' eslint-disable-next-line no-console'),
      comment('Block', ' eslint-disable '),
      comment('Line', ' @ts-expect-error missing types'),
      comment('Block', ' istanbul ignore next '),
      comment('Block', ' c8 ignore start '),
      comment('Line', ' prettier-ignore'),
      comment('Block', ' webpackChunkName: "admin" '),
      comment('Line', '/ <reference types="node" />'),
      comment('Block', '! license banner '),
      comment('Line', ' #region helpers'),
    ];
    expect(directives.filter((item) => !isDirectiveComment(item))).toEqual([]);
  });

  it('leaves comments addressed to people', () => {
    const prose = [
      comment('Line', ' TODO: implement'),
      comment('Line', ' const user = await loadUser();'),
      comment('Block', '* Loads a user. '),
      comment('Line', ' the eslint config lives in the root'),
      comment('Line', ' globally shared state is bad'),
    ];
    expect(prose.filter(isDirectiveComment)).toEqual([]);
  });
});
