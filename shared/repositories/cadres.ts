import type { CreationGuard } from '../db/creation-guard';
import { equalityFilter } from '../db/equality-filter';
import { cadreKeys, type IndexPartition, indexKeysOf } from '../db/keys';
import { countAll, type Page, queryAll, queryPage } from '../db/queries';
import { createRecords, getRecord, getRecords, updateVersioned } from '../db/records';
import { Conflict } from '../domain/errors';
import type { CadreRecord } from './records/cadres';

/**
 * Cadres. Access patterns: by id (pk; the same partition holds the cadre's team memberships); all
 * (GSI1), by unit (GSI2), in or out of the pool (GSI3), each in creation order.
 */
const partitionsOf = (cadre: Pick<CadreRecord, 'unitId' | 'inPool'>) => [
  cadreKeys.all(),
  cadreKeys.byUnit(cadre.unitId),
  cadreKeys.byPool(cadre.inPool),
];

export const insertCadre = (cadre: CadreRecord, guard?: CreationGuard) =>
  createRecords(
    [
      {
        item: {
          ...cadreKeys.item(cadre.id),
          ...indexKeysOf(cadre.id, partitionsOf(cadre)),
          entity: 'cadre',
          ...cadre,
        },
        onTaken: () => new Conflict('CONFLICT', `Cadre ${cadre.id} already exists.`),
      },
    ],
    guard,
  );

export const findCadre = (cadreId: string) => getRecord<CadreRecord>(cadreKeys.item(cadreId));

/** Cadres by id, in the order asked (undefined for an unknown id), in one call per 100. */
export const findCadres = (cadreIds: readonly string[]) =>
  getRecords<CadreRecord>(cadreIds.map((cadreId) => cadreKeys.item(cadreId)));

export interface CadreFilter {
  unitId?: string;
  inPool?: boolean;
}

/** A unit's cadres are fewer than the pool's, so the unit index carries the query when both are given. */
export const cadreQueryPlan = ({ unitId, inPool }: CadreFilter) => {
  let partition: IndexPartition;
  let rest: CadreFilter;
  if (unitId) {
    partition = cadreKeys.byUnit(unitId);
    rest = { inPool };
  } else if (inPool !== undefined) {
    partition = cadreKeys.byPool(inPool);
    rest = {};
  } else {
    partition = cadreKeys.all();
    rest = {};
  }
  return { ...partition, filter: equalityFilter({ ...rest }) };
};

export const listCadres = (
  filter: CadreFilter,
  page: { limit: number; cursor?: string },
): Promise<Page<CadreRecord>> => queryPage<CadreRecord>({ ...cadreQueryPlan(filter), ...page });

/** Every cadre of a unit, or of the pool (staffing and pool reports). */
export const allCadres = (filter: CadreFilter): Promise<CadreRecord[]> =>
  queryAll<CadreRecord>(cadreQueryPlan(filter));

/** Writes `changes` if the version is still `expectedVersion`, moving the cadre between unit and pool lists. */
export const saveCadreChanges = (next: CadreRecord, changes: Partial<CadreRecord>, expectedVersion: number) =>
  updateVersioned<CadreRecord>(
    cadreKeys.item(next.id),
    expectedVersion,
    { ...changes, ...indexKeysOf(next.id, partitionsOf(next)) },
    'The cadre',
  );

/** The number of cadres of a unit: a COUNT query on the cadres-by-unit index (no items returned). */
export const countCadresOfUnit = (unitId: string): Promise<number> => countAll(cadreKeys.byUnit(unitId));
