import { RuleTester } from '@typescript-eslint/rule-tester';
import { afterAll, describe, it } from 'vitest';

// Wire RuleTester to vitest (see typescript-eslint's Rule_Tester docs, "Vitest").
RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;
RuleTester.describeSkip = describe.skip;
RuleTester.itSkip = it.skip;
