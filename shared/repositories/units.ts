import type { Unit } from '../contract/units';
import { keys } from '../db/keys';
import { createRecords, getRecord, type Page, queryPage } from '../db/records';
import type { IdempotencyToken, Reply } from '../http/contract';
import { conflict } from '../http/errors';

/**
 * Units. Access patterns: by id (pk); all units by creation (GSI1 `UNIT`); units of a kind
 * (GSI2 `UNIT#KIND#<kind>`); code uniqueness through a claim item.
 */
export const insertUnit = (unit: Unit, reply: Reply, idempotency?: IdempotencyToken) =>
  createRecords(
    [
      {
        item: {
          ...keys.unit(unit.id),
          entity: 'unit',
          gsi1pk: 'UNIT',
          gsi1sk: unit.id,
          gsi2pk: `UNIT#KIND#${unit.kind}`,
          gsi2sk: unit.id,
          ...unit,
        },
        onTaken: () => conflict('CONFLICT', `Unit ${unit.id} already exists.`),
      },
      {
        item: { ...keys.unitCode(unit.code), entity: 'uniqueClaim', ownerId: unit.id },
        onTaken: () => conflict('UNIT_CODE_TAKEN', `Unit code ${unit.code} is already in use.`),
      },
    ],
    reply,
    idempotency,
  );

export const findUnit = (unitId: string) => getRecord<Unit>(keys.unit(unitId));

export const listUnits = (filter: {
  kind?: Unit['kind'];
  limit: number;
  cursor?: string;
}): Promise<Page<Unit>> =>
  filter.kind
    ? queryPage<Unit>({ index: 'GSI2', partition: `UNIT#KIND#${filter.kind}`, ...filter })
    : queryPage<Unit>({ index: 'GSI1', partition: 'UNIT', ...filter });
