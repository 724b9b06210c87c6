import { jobRoutes } from '../../../shared/contract/jobs';
import { programDateOfDateOrMoment } from '../../../shared/domain/calendar';
import { apiHandler } from '../../../shared/http/api-handler';
import type { Implementations } from '../../../shared/http/contract';
import { runJobNow } from '../../../shared/usecases/jobs/job-runners';

export const routes: Implementations<typeof jobRoutes> = {
  runJob: async ({ params, body }) => ({
    body: await runJobNow(params.job, programDateOfDateOrMoment(body.asOf)),
  }),
};

export const handler = apiHandler(jobRoutes, routes);
