/**
 * Errors of the working-day calendar. Each carries a stable `code` so the API layer can map it to a
 * response without parsing messages.
 */
import { DomainError } from '../errors';

/**
 * A date falls in a year whose holiday arrangement has not been loaded: never guessed. Where a
 * request needs that year, it is refused as a conflict with the stored calendar.
 */
export class CalendarYearMissingError extends DomainError {
  override readonly name = 'CalendarYearMissingError';
  readonly code = 'CALENDAR_YEAR_MISSING';

  constructor(readonly year: number) {
    super(
      `The working-day calendar has no holiday arrangement for ${year}; ` +
        `an operator must load the State Council notice for ${year}.`,
    );
  }
}

/** A year is loaded again without asking to replace it. */
export class CalendarYearExistsError extends Error {
  override readonly name = 'CalendarYearExistsError';
  readonly code = 'CALENDAR_YEAR_EXISTS';

  constructor(readonly year: number) {
    super(`The working-day calendar already has ${year}; ask to replace it to load it again.`);
  }
}

/** A value given as a calendar date (or instant) is not one. */
export class CalendarDateInvalidError extends Error {
  override readonly name = 'CalendarDateInvalidError';
  readonly code = 'CALENDAR_DATE_INVALID';

  constructor(
    readonly value: string,
    expected: string,
  ) {
    super(`Expected ${expected}, got ${JSON.stringify(value)}.`);
  }
}
