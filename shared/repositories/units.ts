import type { Unit } from '../contract/units';
import type { CreationGuard } from '../db/creation-guard';
import { indexKeysOf, keys } from '../db/keys';
import { type Page, queryAll, queryPage } from '../db/queries';
import { createRecords, getRecord } from '../db/records';
import { Conflict } from '../domain/errors';

/**
 * Units. Access patterns: by id (pk); all units by creation (GSI1 `UNIT`); units of a kind
 * (GSI2 `UNIT#KIND#<kind>`); code uniqueness through a claim item.
 */
export const insertUnit = (unit: Unit, guard?: CreationGuard) =>
  createRecords(
    [
      {
        item: {
          ...keys.unit.item(unit.id),
          entity: 'unit',
          ...indexKeysOf(unit.id, [keys.unit.all(), keys.unit.byKind(unit.kind)]),
          ...unit,
        },
        onTaken: () => new Conflict('CONFLICT', `Unit ${unit.id} already exists.`),
      },
      {
        item: { ...keys.unit.code(unit.code), entity: 'uniqueClaim', ownerId: unit.id },
        onTaken: () => new Conflict('UNIT_CODE_TAKEN', `Unit code ${unit.code} is already in use.`),
      },
    ],
    guard,
  );

export const findUnit = (unitId: string) => getRecord<Unit>(keys.unit.item(unitId));

export const listUnits = (filter: {
  kind?: Unit['kind'];
  limit: number;
  cursor?: string;
}): Promise<Page<Unit>> =>
  filter.kind
    ? queryPage<Unit>({ ...keys.unit.byKind(filter.kind), ...filter })
    : queryPage<Unit>({ ...keys.unit.all(), ...filter });

/** Every unit (GSI1 `UNIT`): O(units), a few pages even for a province. */
export const allUnits = (): Promise<Unit[]> => queryAll<Unit>(keys.unit.all());
