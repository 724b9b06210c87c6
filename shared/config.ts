/**
 * Where this function's data and events go (and, for the ledger export, where the ledger's by-day
 * index ends), read and checked once at module load from the variables CDK sets (bindTable,
 * ProgramEvents, the ledger area): a malformed value fails the cold start, not a request. A
 * function is given only the tables it may use, so an absent variable fails only when the function
 * uses it, naming the variable.
 */
import { parseCalendarDate } from './domain/calendar/calendar-date';

const TABLE_NAME = /^[A-Za-z0-9_.-]{3,255}$/;
const EVENT_BUS_NAME = /^[A-Za-z0-9_./-]{1,256}$/;

/** What a variable's value must pass: a pattern, or any other test. */
type Check = { test(value: string): boolean };

const given = (variable: string, pattern: Check, what: string): string | undefined => {
  const value = process.env[variable];
  if (value !== undefined && !pattern.test(value)) {
    throw new Error(`Environment variable ${variable} must be ${what}, got ${JSON.stringify(value)}`);
  }
  return value;
};

const loaded = {
  program: given('PROGRAM_TABLE', TABLE_NAME, 'a DynamoDB table name'),
  ledger: given('LEDGER_TABLE', TABLE_NAME, 'a DynamoDB table name'),
  idempotency: given('IDEMPOTENCY_TABLE', TABLE_NAME, 'a DynamoDB table name'),
  eventBus: given('EVENT_BUS_NAME', EVENT_BUS_NAME, 'an EventBridge bus name'),
  ledgerDayIndexUntil: given(
    'LEDGER_DAY_INDEX_UNTIL',
    { test: (value) => parseCalendarDate(value) !== undefined },
    'a calendar date (YYYY-MM-DD)',
  ),
};

const needed = (value: string | undefined, variable: string): string => {
  if (value === undefined) throw new Error(`Missing environment variable ${variable}`);
  return value;
};

export const tableNames = {
  get program() {
    return needed(loaded.program, 'PROGRAM_TABLE');
  },
  get ledger() {
    return needed(loaded.ledger, 'LEDGER_TABLE');
  },
  get idempotency() {
    return needed(loaded.idempotency, 'IDEMPOTENCY_TABLE');
  },
};

/** The program's EventBridge bus (reports and other facts others may subscribe to). */
export const eventBusName = (): string => needed(loaded.eventBus, 'EVENT_BUS_NAME');

/**
 * The last program day whose ledger entries may be in the ledger's by-day index: the day the stage
 * moved to the by-year index (LEDGER_DAY_INDEX_UNTIL, set on the export function of a stage that has
 * entries from before then). Unset, as on a stage deployed after it and in local mode, no entry is.
 */
export const ledgerDayIndexUntil = (): string | undefined => loaded.ledgerDayIndexUntil;
