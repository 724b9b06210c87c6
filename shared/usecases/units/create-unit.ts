import type { CreateUnitBody, Unit } from '../../contract/units';
import { newId, nowIso } from '../../domain/ids';
import type { IdempotencyToken, Reply } from '../../http/contract';
import { insertUnit } from '../../repositories/units';

/** Registers a department or town; its code is unique across units. */
export const createUnit = async (input: CreateUnitBody, idempotency?: IdempotencyToken): Promise<Reply> => {
  const now = nowIso();
  const unit: Unit = { id: newId(), ...input, version: 1, createdAt: now, updatedAt: now };
  return insertUnit(unit, { status: 201, body: unit }, idempotency);
};
