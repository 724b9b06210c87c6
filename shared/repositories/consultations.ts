import type { CreationGuard } from '../db/creation-guard';
import { consultationKeys } from '../db/keys';
import { createRecords, getRecord } from '../db/records';
import { Conflict } from '../domain/errors';
import type { ConsultationRecord } from './records/consultations';

/** Access patterns: by id (pk); one per date through a claim item. */
export const insertConsultation = (consultation: ConsultationRecord, guard?: CreationGuard) =>
  createRecords(
    [
      {
        item: { ...consultationKeys.item(consultation.id), entity: 'consultation', ...consultation },
        onTaken: () => new Conflict('CONFLICT', `Consultation ${consultation.id} already exists.`),
      },
      {
        item: {
          ...consultationKeys.date(consultation.date),
          entity: 'uniqueClaim',
          ownerId: consultation.id,
        },
        onTaken: () =>
          new Conflict('CONSULTATION_DATE_TAKEN', `A consultation on ${consultation.date} already exists.`),
      },
    ],
    guard,
  );

export const findConsultation = (consultationId: string) =>
  getRecord<ConsultationRecord>(consultationKeys.item(consultationId));

/** The id of the consultation held on a date, through its uniqueness claim. */
export const findConsultationIdByDate = async (date: string): Promise<string | undefined> => {
  const claim = await getRecord<{ ownerId: string }>(consultationKeys.date(date));
  return claim?.ownerId;
};
