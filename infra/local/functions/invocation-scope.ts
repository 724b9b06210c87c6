import { AsyncLocalStorage } from 'node:async_hooks';

/** One function invocation in local mode: what was invoked, with what. */
export interface LocalInvocation {
  logicalId: string;
  /** The TypeScript entry behind the function, e.g. `functions/workflow/deliver-signals/handler.ts`. */
  entry: string;
  event: unknown;
}

/**
 * The invocation the current code runs in. Every function run by the local runtime runs inside one,
 * so that what a handler causes downstream (its DynamoDB calls) can be told apart from the work of
 * other invocations running at the same time: `npm run bench` counts calls per route and per job by it.
 */
export const localInvocationScope = new AsyncLocalStorage<LocalInvocation>();
