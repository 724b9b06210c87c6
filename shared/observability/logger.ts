import { Logger } from '@aws-lambda-powertools/logger';

/** One structured logger per process. Log ids, routes and outcomes; never names, bodies or claims. */
export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'qinqing' });
