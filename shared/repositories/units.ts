import type { CreationGuard } from '../db/creation-guard';
import { indexKeysOf, unitKeys } from '../db/keys';
import { type Page, queryAll, queryPage } from '../db/queries';
import { createRecords, getRecord, getRecords } from '../db/records';
import { Conflict } from '../domain/errors';
import type { UnitRecord } from './records/units';

/**
 * Units. Access patterns: by id (pk); all units by creation (GSI1 `UNIT`); units of a kind
 * (GSI2 `UNIT#KIND#<kind>`); code uniqueness through a claim item.
 */
export const insertUnit = (unit: UnitRecord, guard?: CreationGuard) =>
  createRecords(
    [
      {
        item: {
          ...unitKeys.item(unit.id),
          entity: 'unit',
          ...indexKeysOf(unit.id, [unitKeys.all(), unitKeys.byKind(unit.kind)]),
          ...unit,
        },
        onTaken: () => new Conflict('CONFLICT', `Unit ${unit.id} already exists.`),
      },
      {
        item: { ...unitKeys.code(unit.code), entity: 'uniqueClaim', ownerId: unit.id },
        onTaken: () => new Conflict('UNIT_CODE_TAKEN', `Unit code ${unit.code} is already in use.`),
      },
    ],
    guard,
  );

export const findUnit = (unitId: string) => getRecord<UnitRecord>(unitKeys.item(unitId));

/** Units by id, in the order asked (undefined for an unknown id), in one call per 100. */
export const findUnits = (unitIds: readonly string[]) =>
  getRecords<UnitRecord>(unitIds.map((unitId) => unitKeys.item(unitId)));

export const listUnits = (filter: {
  kind?: UnitRecord['kind'];
  limit: number;
  cursor?: string;
}): Promise<Page<UnitRecord>> =>
  filter.kind
    ? queryPage<UnitRecord>({ ...unitKeys.byKind(filter.kind), ...filter })
    : queryPage<UnitRecord>({ ...unitKeys.all(), ...filter });

/** Every unit (GSI1 `UNIT`): O(units), a few pages even for a province. */
export const allUnits = (): Promise<UnitRecord[]> => queryAll<UnitRecord>(unitKeys.all());

/** Every unit of a kind (the towns, for their awareness rates). */
export const allUnitsOfKind = (kind: UnitRecord['kind']): Promise<UnitRecord[]> =>
  queryAll<UnitRecord>(unitKeys.byKind(kind));
