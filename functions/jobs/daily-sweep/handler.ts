import { scheduledJobHandler } from '../../../shared/jobs/scheduled-job-handler';
import { runDailySweep } from '../../../shared/usecases/jobs/daily-sweep';

/** 每日销结: invoked by its EventBridge rule shortly after midnight in Shanghai. */
export const handler = scheduledJobHandler('daily-sweep', runDailySweep);
