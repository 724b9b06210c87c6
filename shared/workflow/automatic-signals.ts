import * as z from 'zod/mini';

/**
 * The cause the daily sweep puts on an automatic signal (`Overdue`, `NoResponse`): `at`, the program
 * instant the sweep ran for, so the step's ledger entry and working-day arithmetic use the sweep's
 * date, not the moment the step happens to run. Serialize with JSON.stringify.
 */
export interface AutomaticSignalCause {
  at: string;
}

const cause = z.object({ at: z.iso.datetime({ offset: true }) });

/**
 * The instant an automatic step acts at. A cause without one (an operator failing the task by hand
 * from the console, say) means now.
 */
export const instantOfCause = (text: string | undefined, now: () => string): string => {
  try {
    const parsed = z.safeParse(cause, JSON.parse(text ?? ''));
    return parsed.success ? parsed.data.at : now();
  } catch {
    return now();
  }
};
