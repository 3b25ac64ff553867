export { type CheckOptions, runCheck } from './check.js';
export { UsageError } from './errors.js';
export { type FactsOptions, type FactsResult, writeFacts } from './facts.js';
export { type InitAction, type InitOptions, type InitStep, runInit } from './init.js';
