import { maskPhone } from '../../domain/notifications/delivery-rules';
import type { Target } from '../../domain/notifications/subscriptions';

/**
 * Where a target delivers, as records show it: a robot URL without its token (the token is the
 * credential), a webhook without its query, a phone masked.
 */
export const destinationOf = (target: Target): string => {
  if (target.channel === 'sms') return maskPhone(target.phone);
  const url = new URL(target.url);
  return `${url.protocol}//${url.host}${url.pathname}`;
};
