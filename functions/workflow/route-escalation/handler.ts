import * as z from 'zod/mini';
import { logger } from '../../../shared/observability/logger';
import { routeEscalation } from '../../../shared/usecases/workflow/route-escalation';
import type { StepResult } from '../../../shared/workflow/workflow-steps';
import { type RouteEscalationEvent, routeEscalationEvent } from './schema';

export const firstStep = async ({ issueId }: RouteEscalationEvent): Promise<StepResult> => {
  const result = await routeEscalation(issueId);
  logger.info('escalation routed', { issueId, next: result.next });
  return result;
};

export const handler = (event: unknown): Promise<StepResult> =>
  firstStep(z.parse(routeEscalationEvent, event));
