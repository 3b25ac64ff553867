export { type AutoFactsOptions, type AutoFactsResult, findProjectRoot, getAutoFacts, getFactsParser } from './auto-facts.js';
export {
  buildProjectFacts,
  collectProjectFacts,
  type CollectOptions,
  EMPTY_FILE_FACTS,
  extractFileFacts,
  type FileFacts,
  readAliases,
  readDependencies,
} from './collect-project-facts.js';
export { DEFAULT_MAX_FILE_SIZE, listProjectFiles, type ListProjectFilesOptions, type ProjectFile } from './list-project-files.js';
export { getModuleStyle, type ModuleStyle, type ModuleStyleFact } from './module-style.js';
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
