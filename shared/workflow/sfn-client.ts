import { SFNClient } from '@aws-sdk/client-sfn';

/** One client per process; locally AWS_ENDPOINT_URL_SFN points it at the local Step Functions endpoint. */
export const sfnClient = new SFNClient({});
