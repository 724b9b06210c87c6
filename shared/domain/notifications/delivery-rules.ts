import { createHash } from 'node:crypto';

/**
 * How deliveries are paced. Attempts are counted by the channel queue (its receive count); the
 * queue's redrive policy moves a message to the dead-letter queue after MAX_ATTEMPTS.
 */
export const MAX_ATTEMPTS = 5;

/** Seconds before attempt `attempt + 1` after attempt `attempt` failed: 30 s, 1, 2, 4 min… capped at 15 min. */
export const retryDelaySeconds = (attempt: number, baseSeconds = 30): number =>
  Math.min(baseSeconds * 2 ** Math.max(0, attempt - 1), 900);

/** One delivery: one event to one subscription. The same pair always makes the same id. */
export const deliveryIdOf = (eventId: string, subscriptionId: string): string =>
  createHash('sha256').update(`${eventId}\n${subscriptionId}`).digest('base64url').slice(0, 32);

/** Quiet hours in Asia/Shanghai wall-clock minutes since midnight, `from` inclusive, `to` exclusive. */
export interface QuietHours {
  from: string;
  to: string;
}

/** No SMS from 22:00 until 08:00 unless a subscription says otherwise. */
export const DEFAULT_QUIET_HOURS: QuietHours = { from: '22:00', to: '08:00' };

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

const minutesOf = (hhmm: string): number => {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  if (!match) throw new RangeError(`not a time of day: ${hhmm}`);
  return Number(match[1]) * 60 + Number(match[2]);
};

export const isTimeOfDay = (value: string): boolean => /^([01]\d|2[0-3]):([0-5]\d)$/.test(value);

/**
 * When a message that may not go out at `now` may go: `now` itself outside quiet hours, else the end
 * of the quiet hours (the next morning when they span midnight). A message is held, never dropped.
 */
export const releaseTime = (now: Date, quiet: QuietHours | null): Date => {
  if (!quiet) return now;
  const from = minutesOf(quiet.from);
  const to = minutesOf(quiet.to);
  if (from === to) return now;
  const local = now.getTime() + SHANGHAI_OFFSET_MS;
  const dayStart = Math.floor(local / DAY_MS) * DAY_MS;
  const minute = Math.floor((local - dayStart) / 60_000);
  const inQuiet = from < to ? minute >= from && minute < to : minute >= from || minute < to;
  if (!inQuiet) return now;
  const endDay = from > to && minute >= from ? dayStart + DAY_MS : dayStart;
  return new Date(endDay + to * 60_000 - SHANGHAI_OFFSET_MS);
};

/** The per-recipient rate window a moment falls in: one hour, named by its UTC start. */
export const rateWindowOf = (now: Date): string => now.toISOString().slice(0, 13);

/**
 * When a window's counter may go (epoch seconds, the table's TTL attribute): a day after the
 * window ended, so a late retry still finds its window's count.
 */
export const rateWindowExpiry = (window: string): number =>
  Date.parse(`${window}:00:00Z`) / 1000 + 3_600 + 86_400;

/** Messages one subscription may receive in one window; more are suppressed (and recorded). */
export const DEFAULT_RATE_PER_HOUR = 30;

/** A phone number as records and logs show it: 138****5678. */
export const maskPhone = (phone: string): string =>
  phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
