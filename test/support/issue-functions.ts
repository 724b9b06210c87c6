import { handler as cases } from '../../functions/api/cases/handler';
import { handler as consultationReads } from '../../functions/api/consultation-reads/handler';
import { handler as consultations } from '../../functions/api/consultations/handler';
import { handler as issueReads } from '../../functions/api/issue-reads/handler';
import { handler as issues } from '../../functions/api/issues/handler';
import { handler as jobs } from '../../functions/api/jobs/handler';
import { apiRoutes } from '../../shared/contract/routes';
import { routeKeyOf } from '../../shared/http/contract';
import type { ApiHandler } from '../../tools/lambda-events';

/**
 * The issue and consultation routes live in several functions (issues, issue-reads, cases,
 * consultations, consultation-reads: each within the bundle budget). Tests that walk an issue through
 * them call this one entry, which hands each event to the function its route belongs to, as API
 * Gateway does.
 */
const byArea: Record<string, ApiHandler> = {
  issues,
  'issue-reads': issueReads,
  cases,
  consultations,
  'consultation-reads': consultationReads,
  jobs,
};

export const issueFunctions: ApiHandler = (event, context) => {
  const route = apiRoutes.find((candidate) => routeKeyOf(candidate) === event.routeKey);
  const handler = route && byArea[route.area];
  if (!handler) throw new Error(`no issue or consultation function serves ${event.routeKey}`);
  return handler(event, context);
};
