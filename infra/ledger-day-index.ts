import { parseCalendarDate } from '../shared/domain/calendar/calendar-date';

/**
 * The last program day whose ledger entries are in the ledger's by-day index, for a stage that holds
 * entries from before the by-year index: `-c ledgerDayIndexUntil=YYYY-MM-DD` (an object per stage,
 * or one date for every stage), the day the stage was upgraded (docs/deploy.md). Unset: the stage
 * has no such entries, and the export reads the by-year index only.
 */
export const ledgerDayIndexUntil = (stage: string, context: unknown): string | undefined => {
  const parsed = typeof context === 'string' && context.startsWith('{') ? JSON.parse(context) : context;
  const value =
    typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>)[stage] : parsed;
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !parseCalendarDate(value)) {
    throw new Error(
      `Invalid ledgerDayIndexUntil for stage ${stage}: ${JSON.stringify(value)}: use -c ledgerDayIndexUntil=YYYY-MM-DD (the day of the upgrade)`,
    );
  }
  return value;
};
