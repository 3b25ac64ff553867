import { prodready } from './factory.js';

export { prodready };
export default prodready;

export type { AreaOptions, AreaRuleOptions, ProdreadyOptions, TypeCheckedOptions } from './options.js';
export type { RuleEntry } from './overrides.js';
export { type Area, plugins } from './plugins.js';
export type { RuleOptions } from './typegen.js';
