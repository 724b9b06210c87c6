import awsCronParser from 'aws-cron-parser';
import { LocalModeError } from '../local-mode-error';

/** When a schedule fires next, strictly after a moment; null when it never does again. */
export type NextFiring = (after: Date) => Date | null;

const CRON = /^cron\((\S+(?: \S+){5})\)$/;

/**
 * Reads an EventBridge schedule expression. AWS cron has six fields, `?` and `L`/`W`/`#`, and runs in
 * UTC; `aws-cron-parser` understands all of it (and computes in UTC whatever the machine's zone).
 * Only cron is accepted: it is the only kind the project's rules use.
 */
export const parseScheduleExpression = (expression: string): NextFiring => {
  const fields = CRON.exec(expression)?.[1];
  if (!fields) {
    throw new LocalModeError(
      `Schedule ${JSON.stringify(expression)}: local mode reads cron(...) with six fields only`,
    );
  }
  let cron: ReturnType<typeof awsCronParser.parse>;
  try {
    cron = awsCronParser.parse(fields);
  } catch {
    throw new LocalModeError(`Schedule ${expression} is not a valid AWS cron expression`);
  }
  return (after) => awsCronParser.next(cron, after);
};
