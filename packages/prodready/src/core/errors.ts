/**
 * A problem the user can fix (a missing folder, an unloadable config): the CLI prints its
 * message on one line and exits with 2, never a stack trace.
 */
export class UsageError extends Error {
  override name = 'UsageError';
}
