import * as z from 'zod/mini';
import { logger } from '../../../shared/observability/logger';
import { awaitDecision } from '../../../shared/usecases/workflow/await-decision';
import { type AwaitDecisionEvent, awaitDecisionEvent } from './schema';

/** Registers the wait; the execution resumes when the decision's SendTaskSuccess arrives (maybe at once). */
export const registerDecisionWait = async (event: AwaitDecisionEvent): Promise<void> => {
  const outcome = await awaitDecision(event);
  logger.info('decision wait', {
    issueId: event.issueId,
    waitingFor: event.waitingFor,
    seq: event.seq,
    outcome,
  });
};

export const handler = (event: unknown): Promise<void> =>
  registerDecisionWait(z.parse(awaitDecisionEvent, event));
