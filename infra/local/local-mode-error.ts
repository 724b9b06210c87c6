/**
 * A problem the developer can fix (Java missing, port taken, template not runnable locally). `npm start`
 * prints its message as one line and exits 1; anything else is a bug and keeps its stack trace.
 */
export class LocalModeError extends Error {
  override readonly name = 'LocalModeError';
}
