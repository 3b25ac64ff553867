export { type ErrorHandler, getEnclosingErrorHandler, getErrorHandler, isAcknowledgedHandler } from './get-error-handler.js';
export { getLogCall, type LogCall, type LogLevel, type LogLibrary } from './get-log-call.js';
export { getSpanCall, type SpanCall, type SpanCallKind } from './get-span-call.js';
export { isErrorBinding, isRejectionCallback } from './is-error-binding.js';
export { isExpectedFailure } from './is-expected-failure.js';
export { isCommandLineModule } from './is-command-line-module.js';
export { isBrowserModule } from './is-browser-module.js';
export { getSpanBinding, type SpanBinding } from './get-span-binding.js';
