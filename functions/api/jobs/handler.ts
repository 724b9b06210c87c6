import { issueRepairRoutes, jobRoutes } from '../../../shared/contract/jobs';
import { programDateOfDateOrMoment } from '../../../shared/domain/calendar';
import { apiHandler } from '../../../shared/http/api-handler';
import type { Implementations } from '../../../shared/http/contract';
import { issueView } from '../../../shared/usecases/issues/issue-view';
import { restartWorkflow } from '../../../shared/usecases/issues/restart-workflow';
import { runJobNow } from '../../../shared/usecases/jobs/job-runners';

/** The operators' triggers and repairs: jobs run by hand, and failed issue workflows restarted. */
const operatorRoutes = { ...jobRoutes, ...issueRepairRoutes };

export const routes: Implementations<typeof operatorRoutes> = {
  runJob: async ({ params, body }) => ({
    body: await runJobNow(params.job, programDateOfDateOrMoment(body.asOf)),
  }),
  restartWorkflow: async ({ principal, params }) => ({
    body: issueView(await restartWorkflow(principal, params.issueId)),
  }),
};

export const handler = apiHandler(operatorRoutes, routes);
