import type { CreateUnitBody, Unit } from '../../contract/units';
import type { IdempotencyToken } from '../../db/creation-guard';
import { newId, nowIso } from '../../domain/ids';
import type { UnitRecord } from '../../repositories/records/units';
import { insertUnit } from '../../repositories/units';
import { unitView } from './unit-view';

/** Registers a department or town; its code is unique across units. */
export const createUnit = async (input: CreateUnitBody, idempotency?: IdempotencyToken): Promise<Unit> => {
  const now = nowIso();
  const unit: UnitRecord = { id: newId(), ...input, version: 1, createdAt: now, updatedAt: now };
  const view = unitView(unit);
  await insertUnit(unit, idempotency?.guard(view));
  return view;
};
