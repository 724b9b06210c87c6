import type { CreationGuard } from '../db/creation-guard';
import { equalityFilter } from '../db/equality-filter';
import { accountabilityCaseKeys, indexKeysOf } from '../db/keys';
import { type Page, queryAll, queryPage } from '../db/queries';
import { createRecords, getRecord, updateVersioned } from '../db/records';
import { Conflict } from '../domain/errors';
import { programStatsUpdate } from './program-stats';
import type { AccountabilityCaseRecord } from './records/accountability-cases';

/**
 * Accountability cases (容错免责). Access patterns: by id (pk); all (GSI1), by cadre (GSI2), by the
 * cadre's unit (GSI3), newest first; kind, status and decision as filters on the chosen partition.
 */
const partitionsOf = (record: Pick<AccountabilityCaseRecord, 'cadreId' | 'unitId'>) => [
  accountabilityCaseKeys.all(),
  accountabilityCaseKeys.byCadre(record.cadreId),
  accountabilityCaseKeys.byUnit(record.unitId),
];

/** The case and its day's `accountabilityCases` count (on the day it was opened), in one transaction. */
export const insertCase = (record: AccountabilityCaseRecord, guard?: CreationGuard) =>
  createRecords(
    [
      {
        item: {
          ...accountabilityCaseKeys.item(record.id),
          ...indexKeysOf(record.id, partitionsOf(record)),
          entity: 'accountabilityCase',
          ...record,
        },
        onTaken: () => new Conflict('CONFLICT', `Case ${record.id} already exists.`),
      },
    ],
    guard,
    [programStatsUpdate(record.date, record.id, { accountabilityCases: 1 })],
  );

export const findCase = (caseId: string) =>
  getRecord<AccountabilityCaseRecord>(accountabilityCaseKeys.item(caseId));

export interface CaseFilter {
  cadreId?: string;
  unitId?: string;
  kind?: string;
  status?: string;
  decision?: string;
}

/** A cadre's cases are fewer than a unit's, a unit's fewer than all: the narrowest partition carries it. */
export const caseQueryPlan = ({ cadreId, unitId, kind, status, decision }: CaseFilter) => {
  const partition = cadreId
    ? accountabilityCaseKeys.byCadre(cadreId)
    : unitId
      ? accountabilityCaseKeys.byUnit(unitId)
      : accountabilityCaseKeys.all();
  return {
    ...partition,
    filter: equalityFilter({ unitId: cadreId ? unitId : undefined, kind, status, decision }),
    newestFirst: true,
  };
};

export const listCases = (
  filter: CaseFilter,
  page: { limit: number; cursor?: string },
): Promise<Page<AccountabilityCaseRecord>> =>
  queryPage<AccountabilityCaseRecord>({ ...caseQueryPlan(filter), ...page });

/** Every case of a cadre, newest first (a few in a career). */
export const allCasesOf = (cadreId: string): Promise<AccountabilityCaseRecord[]> =>
  queryAll<AccountabilityCaseRecord>(caseQueryPlan({ cadreId }));

/** Writes the decision if the case is still at `expectedVersion` (a decided case has moved on: StaleVersion). */
export const saveCaseDecision = (
  caseId: string,
  decision: Pick<
    AccountabilityCaseRecord,
    'status' | 'decision' | 'decisionReason' | 'decidedBy' | 'decidedAt'
  >,
  expectedVersion: number,
) =>
  updateVersioned<AccountabilityCaseRecord>(
    accountabilityCaseKeys.item(caseId),
    expectedVersion,
    decision,
    'The case',
  );
