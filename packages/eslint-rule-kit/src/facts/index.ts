export { collectProjectFacts, type CollectOptions, readAliases, readDependencies } from './collect-project-facts.js';
export { getOriginFromFacts } from './get-origin-from-facts.js';
export {
  type AliasFact,
  DEFAULT_FACTS_FILE,
  type ExportFact,
  FACTS_VERSION,
  FINGERPRINT_MIN_SIZE,
  type FunctionFact,
  getExportFact,
  getProjectFacts,
  loadFacts,
  type ModuleFacts,
  type NamingFacts,
  type ProjectFacts,
  resolveModule,
  toRootRelative,
} from './project-facts.js';
export { getFileNamingConvention, getNamingSamples, type NamingKind, type NamingSample } from './naming.js';
