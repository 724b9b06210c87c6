import * as z from 'zod/mini';
import { nowIso } from '../../../shared/domain/ids';
import { logger } from '../../../shared/observability/logger';
import { superviseOverdueIssue } from '../../../shared/usecases/workflow/supervise';
import { instantOfCause } from '../../../shared/workflow/automatic-signals';
import type { StepResult } from '../../../shared/workflow/workflow-steps';
import { type SuperviseEvent, superviseEvent } from './schema';

export const supervise = async ({ issueId, cause }: SuperviseEvent): Promise<StepResult> => {
  const result = await superviseOverdueIssue(issueId, instantOfCause(cause ?? undefined, nowIso));
  logger.info('overdue issue supervised', { issueId, next: result.next });
  return result;
};

export const handler = (event: unknown): Promise<StepResult> => supervise(z.parse(superviseEvent, event));
