/**
 * aws-local-stepfunctions 3 calls `Promise.withResolvers` (ES2024) for every Task; Node 20 lacks it
 * (Node 22 has it). Installed once, before the first execution, only where it is missing.
 */
export const installPromiseWithResolvers = (): void => {
  const promise = Promise as PromiseConstructor & { withResolvers?: unknown };
  if (typeof promise.withResolvers === 'function') return;
  Object.defineProperty(Promise, 'withResolvers', {
    configurable: true,
    writable: true,
    value: <T>() => {
      let resolve!: (value: T | PromiseLike<T>) => void;
      let reject!: (reason?: unknown) => void;
      const settled = new Promise<T>((onResolve, onReject) => {
        resolve = onResolve;
        reject = onReject;
      });
      return { promise: settled, resolve, reject };
    },
  });
};
