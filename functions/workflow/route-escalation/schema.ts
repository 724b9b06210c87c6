import * as z from 'zod/mini';
import { id } from '../../../shared/contract/common';

/** The execution's input as startIssueExecution gives it; only the issue matters to this step. */
export const routeEscalationEvent = z.object({ issueId: id });
export type RouteEscalationEvent = z.infer<typeof routeEscalationEvent>;
