import { scheduledJobHandler } from '../../../shared/jobs/scheduled-job-handler';
import { runQuarterlyScoring } from '../../../shared/usecases/scoring/quarterly-scoring';

/** 每季排名: invoked by its EventBridge rule at 01:00 Shanghai on the first day of a quarter. */
export const handler = scheduledJobHandler('quarterly-scoring', runQuarterlyScoring);
