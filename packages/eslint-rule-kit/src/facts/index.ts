export { collectProjectFacts, type CollectOptions, readAliases, readDependencies } from './collect-project-facts.js';
export { getOriginFromFacts } from './get-origin-from-facts.js';
export {
  type AliasFact,
  DEFAULT_FACTS_FILE,
  type ExportFact,
  FACTS_VERSION,
  getExportFact,
  getProjectFacts,
  loadFacts,
  type ModuleFacts,
  type ProjectFacts,
  resolveModule,
} from './project-facts.js';
