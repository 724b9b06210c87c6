import Negotiator from 'negotiator';
import { notAcceptable } from './errors';

/**
 * The media type to answer with, by the request's Accept (RFC 9110 §12.5.1, quality values and
 * wildcards as the `negotiator` package reads them): no Accept, or one that only names `*\/*`, gets the
 * first offered, the route's default. An Accept that allows none of them is 406 NOT_ACCEPTABLE.
 */
export const negotiateMediaType = <T extends string>(
  accept: string | undefined,
  offered: readonly T[],
): T => {
  const chosen = new Negotiator({ headers: { accept: accept ?? '*/*' } }).mediaType([...offered]);
  if (!chosen) throw notAcceptable(offered);
  return chosen as T;
};
