import * as z from 'zod/mini';
import { logger } from '../../../shared/observability/logger';
import { recordWorkflowFailure } from '../../../shared/usecases/workflow/record-failure';
import { type RecordFailureEvent, recordFailureEvent } from './schema';

export const recordFailure = async ({ issueId, error, cause }: RecordFailureEvent): Promise<void> => {
  const recorded = await recordWorkflowFailure(issueId, { error, cause });
  // Error names only: causes may quote data.
  if (recorded) logger.error('issue workflow failed', { issueId, error });
  else logger.error('issue workflow failed; the issue has no workflow to mark', { issueId, error });
};

export const handler = (event: unknown): Promise<void> => recordFailure(z.parse(recordFailureEvent, event));
