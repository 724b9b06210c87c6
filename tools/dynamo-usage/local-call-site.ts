import { type LocalInvocation, localInvocationScope } from '../../infra/local/functions/invocation-scope';
import type { CallSite } from './meter';

/**
 * Names an invocation for the tables: an API request by its route key (a job run by hand adds the
 * job), anything else by its function's entry, e.g. `workflow/deliver-signals`.
 */
export const invocationName = ({ entry, event }: LocalInvocation): string => {
  const request = event as { routeKey?: unknown; pathParameters?: Record<string, string> };
  if (typeof request?.routeKey === 'string') {
    const job = request.pathParameters?.job;
    return job ? `${request.routeKey} (${job})` : request.routeKey;
  }
  return entry.replace(/^functions\//, '').replace(/\/handler\.ts$/, '');
};

/** The call site of a DynamoDB call made by a function local mode runs: its invocation. */
export const localCallSite = (): CallSite | undefined => {
  const invocation = localInvocationScope.getStore();
  return invocation && { scope: invocationName(invocation), invocation };
};
