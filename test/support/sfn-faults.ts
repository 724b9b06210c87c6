import { SFNServiceException } from '@aws-sdk/client-sfn';

const serviceError = (name: string, httpStatusCode: number) => () =>
  new SFNServiceException({
    name,
    $fault: httpStatusCode >= 500 ? 'server' : 'client',
    $metadata: { httpStatusCode },
  });

/**
 * What the Step Functions client throws once the SDK's own retries are spent (the service's common
 * errors: throttled, unavailable, failing inside, or no answer in time). Each is worth retrying: the
 * calls that meet them (StartExecution by name, SendTaskSuccess/Failure by token) are safe to repeat.
 */
export const SFN_FAULTS = {
  throttling: serviceError('ThrottlingException', 400),
  unavailable: serviceError('ServiceUnavailable', 503),
  internalFailure: serviceError('InternalFailure', 500),
  timeout: () => Object.assign(new Error('socket timed out'), { name: 'TimeoutError' }),
} as const;

export type SfnFaultName = keyof typeof SFN_FAULTS;
export const SFN_FAULT_NAMES = Object.keys(SFN_FAULTS) as SfnFaultName[];
