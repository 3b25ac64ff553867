/** The case convention a name is written in. `lowercase` is a single word, which fits camel, snake and kebab alike. */
export type NamingStyle = 'camelCase' | 'PascalCase' | 'snake_case' | 'UPPER_CASE' | 'kebab-case' | 'lowercase';

const UPPER = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/;
const LOWER = /^[a-z][a-z0-9]*$/;
const CAMEL = /^[a-z][a-z0-9]*(?:[A-Z][a-z0-9]*)+$/;
const PASCAL = /^[A-Z][a-z0-9]*(?:[A-Z][a-z0-9]*)*$/;
const SNAKE = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$/;
const KEBAB = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)+$/;

/**
 * The case convention of `name` (leading and trailing `_`/`$` ignored: `_private`, `$ref`),
 * or `undefined` for names that fit none (`get_UserData`, `X`, `__`).
 */
export function getNamingStyle(name: string): NamingStyle | undefined {
  const core = name.replace(/^[_$]+|[_$]+$/g, '');
  if (core.length < 2) return undefined;
  if (LOWER.test(core)) return 'lowercase';
  if (UPPER.test(core)) return 'UPPER_CASE';
  if (CAMEL.test(core)) return 'camelCase';
  if (PASCAL.test(core)) return 'PascalCase';
  if (SNAKE.test(core)) return 'snake_case';
  if (KEBAB.test(core)) return 'kebab-case';
  return undefined;
}
