import type { CreateUnitBody, Unit } from '../../contract/units';
import type { IdempotencyToken } from '../../db/creation-guard';
import { newId, nowIso } from '../../domain/ids';
import { insertUnit } from '../../repositories/units';

/** Registers a department or town; its code is unique across units. */
export const createUnit = async (input: CreateUnitBody, idempotency?: IdempotencyToken): Promise<Unit> => {
  const now = nowIso();
  const unit: Unit = { id: newId(), ...input, version: 1, createdAt: now, updatedAt: now };
  await insertUnit(unit, idempotency?.guard(unit));
  return unit;
};
