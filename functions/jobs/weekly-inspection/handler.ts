import { scheduledJobHandler } from '../../../shared/jobs/scheduled-job-handler';
import { runWeeklyInspection } from '../../../shared/usecases/jobs/weekly-inspection';

/** 每周督查: invoked by its EventBridge rule on Monday morning in Shanghai. */
export const handler = scheduledJobHandler('weekly-inspection', runWeeklyInspection);
