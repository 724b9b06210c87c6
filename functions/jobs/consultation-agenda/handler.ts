import { scheduledJobHandler } from '../../../shared/jobs/scheduled-job-handler';
import { runConsultationAgenda } from '../../../shared/usecases/jobs/consultation-agenda';

/** 半月会商: invoked every Monday morning; calls the consultation in every other week. */
export const handler = scheduledJobHandler('consultation-agenda', runConsultationAgenda);
