import type { Consultation, UpdateConsultationBody } from '../../contract/consultations';
import { NotFound, StaleVersion } from '../../domain/errors';
import type { Caller } from '../../domain/viewer';
import { findConsultation, saveConsultationRecord } from '../../repositories/consultations';
import { checkUnitsExist } from '../issues/check-units';
import { consultationView } from './consultation-view';

/**
 * Writes the record of a meeting: its chair, who attended (leaders by name, units that must exist) and
 * the minutes, on the version read (412 otherwise, also when another write wins the race). It decides
 * nothing, so it touches no issue and no ledger: the decisions are each issue's `consultation_decided`
 * ledger entry and the consultation's dispatch order.
 */
export const updateConsultation = async (
  caller: Caller,
  consultationId: string,
  patch: UpdateConsultationBody,
  expectedVersion: number,
): Promise<Consultation> => {
  const current = await findConsultation(consultationId);
  if (!current) throw new NotFound('The consultation');
  if (current.version !== expectedVersion) throw new StaleVersion();
  await checkUnitsExist(
    (patch.attendees?.unitIds ?? []).map((unitId, i) => ({ path: `body.attendees.unitIds.${i}`, unitId })),
  );
  return consultationView(
    await saveConsultationRecord(consultationId, { ...patch, recordedBy: caller.sub }, expectedVersion),
  );
};
