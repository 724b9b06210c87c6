import * as z from 'zod/mini';
import { nowIso } from '../../../shared/domain/ids';
import { logger } from '../../../shared/observability/logger';
import { closeWithoutResponse } from '../../../shared/usecases/workflow/close-no-response';
import { instantOfCause } from '../../../shared/workflow/automatic-signals';
import type { StepResult } from '../../../shared/workflow/workflow-steps';
import { type NoResponseEvent, noResponseEvent } from './schema';

export const closeNoResponse = async ({ issueId, cause }: NoResponseEvent): Promise<StepResult> => {
  const result = await closeWithoutResponse(issueId, instantOfCause(cause ?? undefined, nowIso));
  logger.info('no verdict by the follow-up deadline', { issueId, next: result.next });
  return result;
};

export const handler = (event: unknown): Promise<StepResult> =>
  closeNoResponse(z.parse(noResponseEvent, event));
