import { translateKnownError } from '../../shared/http/translate-error';

/**
 * The error a client would receive (status, code, title) for the refusal `work` ends in, for tests
 * that call a use case or repository directly; a `work` that succeeds fails the test.
 */
export const refusalOf = (work: Promise<unknown>): Promise<unknown> =>
  work.then(() => {
    throw new Error('Expected a refusal, but the call succeeded.');
  }, translateKnownError);
