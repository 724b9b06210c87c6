import { tableNames } from '../config';
import { conditionRefused } from '../db/cancellation';
import type { CreationGuard } from '../db/creation-guard';
import { appraisalKeys, indexKeysOf } from '../db/keys';
import { type Page, queryAll, queryPage } from '../db/queries';
import { createRecords, getRecord, type TransactItem, updateVersioned } from '../db/records';
import type { ExcellentList } from '../domain/appraisal/grade-approval';
import { Conflict } from '../domain/errors';
import type { GradeLedgerEntryRecord, GradeRecord } from './records/appraisals';

/**
 * Annual grades (年度考核等次). Access patterns: a cadre's grade of a year (its own partition, so one
 * per cadre and year), with its ledger entries beside it (`LEDGER#<seq>`, seq = the version the step
 * made); grades by year (GSI1) and by unit and year (GSI2); the excellent count of each list in the
 * year's partition (`EXCELLENT#ORDINARY#<unit>`, `EXCELLENT#SECONDED`), which a grade that becomes
 * excellent raises only below its quota — the database, not a prior read, keeps the quota.
 */
export const alreadyGraded = () =>
  new Conflict('ALREADY_GRADED', 'This cadre already has a grade for the year.');

export const quotaExhausted = (list: ExcellentList) =>
  new Conflict(
    'EXCELLENT_QUOTA_EXHAUSTED',
    list === 'seconded'
      ? "The seconded cadres' separate excellent list (单列) has no place left this year."
      : "The unit's ordinary excellent quota has no place left this year.",
  );

/** Where an excellent count lives and the quota it may not pass. */
export interface ExcellentSlot {
  year: string;
  list: ExcellentList;
  unitId: string;
  quota: number;
}

const countKey = (slot: ExcellentSlot) =>
  appraisalKeys.excellentCount(slot.year, slot.list, slot.list === 'ordinary' ? slot.unitId : undefined);

/** +1 below the quota, or -1: one write of the grade's transaction. */
export const excellentCountMove = (slot: ExcellentSlot, by: 1 | -1): TransactItem => ({
  Update: {
    TableName: tableNames.program,
    Key: countKey(slot),
    UpdateExpression: 'SET entity = :entity, #year = :year, #list = :list, unitId = :unit ADD excellent :by',
    ...(by > 0 ? { ConditionExpression: 'attribute_not_exists(excellent) OR excellent < :quota' } : {}),
    ExpressionAttributeNames: { '#year': 'year', '#list': 'list' },
    ExpressionAttributeValues: {
      ':entity': 'excellentCount',
      ':year': slot.year,
      ':list': slot.list,
      ':unit': slot.list === 'ordinary' ? slot.unitId : 'ALL',
      ':by': by,
      ...(by > 0 ? { ':quota': slot.quota } : {}),
    },
  },
});

const ledgerItem = (grade: GradeRecord, entry: GradeLedgerEntryRecord) => ({
  item: {
    ...appraisalKeys.ledgerEntry(grade.year, grade.cadreId, entry.seq),
    entity: 'gradeLedgerEntry',
    ...entry,
  },
  onTaken: () => new Conflict('CONCURRENT_UPDATE', 'The grade changed meanwhile; reload and retry.'),
});

/** Whether a cancelled transaction failed on its last write (where the count move goes) and only there. */
const failedOnCountMove = (error: unknown, writes: number): boolean =>
  conditionRefused(error, writes - 1) &&
  (error.CancellationReasons ?? [])
    .slice(0, writes - 1)
    .every((reason) => reason.Code !== 'ConditionalCheckFailed');

export const insertGrade = async (
  grade: GradeRecord,
  entry: GradeLedgerEntryRecord,
  excellent: ExcellentSlot | undefined,
  guard?: CreationGuard,
) => {
  const puts = [
    {
      item: {
        ...appraisalKeys.grade(grade.year, grade.cadreId),
        ...indexKeysOf(grade.id, [
          appraisalKeys.byYear(grade.year),
          appraisalKeys.byUnit(grade.unitId, grade.year),
        ]),
        entity: 'grade',
        ...grade,
      },
      onTaken: alreadyGraded,
    },
    ledgerItem(grade, entry),
  ];
  try {
    await createRecords(puts, guard, excellent ? [excellentCountMove(excellent, 1)] : []);
  } catch (error) {
    if (excellent && failedOnCountMove(error, puts.length + (guard ? 2 : 1)))
      throw quotaExhausted(excellent.list);
    throw error;
  }
};

/** A step on the grade, its ledger entry and the count moves it causes, in one transaction. */
export const saveGradeStep = async (
  next: GradeRecord,
  changes: Partial<GradeRecord>,
  expectedVersion: number,
  entry: GradeLedgerEntryRecord,
  countMove?: { slot: ExcellentSlot; by: 1 | -1 },
): Promise<GradeRecord> => {
  const ledger = ledgerItem(next, entry);
  const writes: TransactItem[] = [
    {
      Put: {
        TableName: tableNames.program,
        Item: ledger.item,
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    ...(countMove ? [excellentCountMove(countMove.slot, countMove.by)] : []),
  ];
  try {
    return await updateVersioned<GradeRecord>(
      appraisalKeys.grade(next.year, next.cadreId),
      expectedVersion,
      changes,
      'The grade',
      writes,
    );
  } catch (error) {
    if (countMove?.by === 1 && failedOnCountMove(error, writes.length + 1))
      throw quotaExhausted(countMove.slot.list);
    throw error;
  }
};

export const findGrade = (year: string, cadreId: string) =>
  getRecord<GradeRecord>(appraisalKeys.grade(year, cadreId));

export const listGrades = (
  filter: { year: string; unitId?: string },
  page: { limit: number; cursor?: string },
): Promise<Page<GradeRecord>> =>
  queryPage<GradeRecord>({
    ...(filter.unitId ? appraisalKeys.byUnit(filter.unitId, filter.year) : appraisalKeys.byYear(filter.year)),
    ...page,
  });

export const readGradeLedger = (year: string, cadreId: string): Promise<GradeLedgerEntryRecord[]> =>
  queryAll<GradeLedgerEntryRecord>(appraisalKeys.ledgerOf(year, cadreId));

/** The year's excellent counts: `seconded` and one `ordinary` per unit that has any (one key query). */
export const readExcellentCounts = async (
  year: string,
): Promise<{ seconded: number; ordinaryByUnit: Map<string, number> }> => {
  const counts = await queryAll<{ list: ExcellentList; unitId: string; excellent: number }>(
    appraisalKeys.excellentCountsOf(year),
  );
  const ordinaryByUnit = new Map<string, number>();
  let seconded = 0;
  for (const count of counts) {
    if (count.list === 'seconded') seconded = Number(count.excellent);
    else ordinaryByUnit.set(count.unitId, Number(count.excellent));
  }
  return { seconded, ordinaryByUnit };
};
