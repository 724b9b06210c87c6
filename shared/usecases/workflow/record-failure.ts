import type { Issue } from '../../domain/issues/issue';
import { applyWorkflowCommand } from './apply-workflow-command';

const MAX_CAUSE_LENGTH = 1000;

/** A Lambda error's cause is JSON with a stack trace; the ledger keeps only its message. */
const messageOf = (cause: string): string => {
  try {
    const parsed: unknown = JSON.parse(cause);
    if (typeof parsed === 'object' && parsed !== null && 'errorMessage' in parsed) {
      return String(parsed.errorMessage);
    }
  } catch {
    // Not JSON: a cause written by hand or by the state machine itself.
  }
  return cause;
};

/**
 * Marks the issue's workflow as failed in the ledger, with the error that ended the execution, so the
 * issue shows it and an operator can repair it; decisions are refused until then. Undefined when the
 * issue has no workflow to mark.
 */
export const recordWorkflowFailure = (
  issueId: string,
  failure: { error: string; cause: string },
): Promise<Issue | undefined> =>
  applyWorkflowCommand(issueId, {
    type: 'record_failure',
    error: failure.error,
    cause: messageOf(failure.cause).slice(0, MAX_CAUSE_LENGTH),
  });
