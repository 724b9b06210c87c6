import type { CreationGuard } from '../db/creation-guard';
import { equalityAndPrefixFilter } from '../db/equality-filter';
import { enterpriseKeys, type IndexPartition, indexKeysOf } from '../db/keys';
import { type Page, queryAll, queryPage } from '../db/queries';
import { createRecords, getRecord, getRecords, updateVersioned } from '../db/records';
import { Conflict } from '../domain/errors';
import { gridEnterpriseCountUpdate } from './grids';
import type { EnterpriseRecord } from './records/enterprises';

/**
 * Enterprises. Access patterns: by id (pk); all (GSI1), by grid (GSI2), by town (GSI3), by industry
 * (GSI4), each in creation order; credit-code uniqueness through a claim item.
 */
const partitionsOf = (enterprise: Pick<EnterpriseRecord, 'gridId' | 'townUnitId' | 'industry'>) => [
  enterpriseKeys.all(),
  enterpriseKeys.byGrid(enterprise.gridId),
  enterpriseKeys.byTown(enterprise.townUnitId),
  enterpriseKeys.byIndustry(enterprise.industry),
];

export const insertEnterprise = (enterprise: EnterpriseRecord, guard?: CreationGuard) =>
  createRecords(
    [
      {
        item: {
          ...enterpriseKeys.item(enterprise.id),
          ...indexKeysOf(enterprise.id, partitionsOf(enterprise)),
          entity: 'enterprise',
          ...enterprise,
        },
        onTaken: () => new Conflict('CONFLICT', `Enterprise ${enterprise.id} already exists.`),
      },
      {
        item: {
          ...enterpriseKeys.creditCode(enterprise.creditCode),
          entity: 'uniqueClaim',
          ownerId: enterprise.id,
        },
        onTaken: () =>
          new Conflict('CREDIT_CODE_TAKEN', `Credit code ${enterprise.creditCode} is already registered.`),
      },
    ],
    guard,
    [gridEnterpriseCountUpdate(enterprise.gridId, 1)],
  );

export const findEnterprise = (enterpriseId: string) =>
  getRecord<EnterpriseRecord>(enterpriseKeys.item(enterpriseId));

/** Enterprises by id, in the order asked (undefined for an unknown id), in one call per 100. */
export const findEnterprises = (enterpriseIds: readonly string[]) =>
  getRecords<EnterpriseRecord>(enterpriseIds.map((enterpriseId) => enterpriseKeys.item(enterpriseId)));

export interface EnterpriseFilter {
  gridId?: string;
  townUnitId?: string;
  industry?: string;
  /** The start of the enterprise's registered name (a lookup as the office types). */
  namePrefix?: string;
}

/** The enterprise registered under a credit code (through its uniqueness claim), if any. */
export const findEnterpriseByCreditCode = async (creditCode: string) => {
  const claim = await getRecord<{ ownerId: string }>(enterpriseKeys.creditCode(creditCode));
  return claim ? findEnterprise(claim.ownerId) : undefined;
};

/**
 * The most selective filter picks the index: a grid lies in one town, and a town holds fewer
 * enterprises than an industry does across a province. The other filters, and the name prefix,
 * narrow that query.
 */
export const enterpriseQueryPlan = ({ gridId, townUnitId, industry, namePrefix }: EnterpriseFilter) => {
  let partition: IndexPartition;
  let rest: EnterpriseFilter;
  if (gridId) {
    partition = enterpriseKeys.byGrid(gridId);
    rest = { townUnitId, industry };
  } else if (townUnitId) {
    partition = enterpriseKeys.byTown(townUnitId);
    rest = { industry };
  } else if (industry) {
    partition = enterpriseKeys.byIndustry(industry);
    rest = {};
  } else {
    partition = enterpriseKeys.all();
    rest = {};
  }
  return {
    ...partition,
    filter: equalityAndPrefixFilter(
      { ...rest },
      namePrefix ? { attribute: 'name', value: namePrefix } : undefined,
    ),
  };
};

export const listEnterprises = (
  filter: EnterpriseFilter,
  page: { limit: number; cursor?: string },
): Promise<Page<EnterpriseRecord>> =>
  queryPage<EnterpriseRecord>({ ...enterpriseQueryPlan(filter), ...page });

/** Every enterprise of one industry, town or grid list (a policy's delivery targets). */
export const allEnterprises = (filter: EnterpriseFilter): Promise<EnterpriseRecord[]> =>
  queryAll<EnterpriseRecord>(enterpriseQueryPlan(filter));

/**
 * Writes `changes` if the stored version is still `expectedVersion`; the index keys are rewritten
 * from `next` (the record as it will be) so the enterprise moves between grid, town and industry lists.
 * A move out of `previousGridId` moves one from that grid's enterprise count to the new grid's in the
 * same transaction (the version condition makes a concurrent move count once).
 */
export const saveEnterpriseChanges = (
  next: EnterpriseRecord,
  changes: Partial<EnterpriseRecord>,
  expectedVersion: number,
  previousGridId: string,
) =>
  updateVersioned<EnterpriseRecord>(
    enterpriseKeys.item(next.id),
    expectedVersion,
    { ...changes, ...indexKeysOf(next.id, partitionsOf(next)) },
    'The enterprise',
    next.gridId === previousGridId
      ? []
      : [gridEnterpriseCountUpdate(previousGridId, -1), gridEnterpriseCountUpdate(next.gridId, 1)],
  );
