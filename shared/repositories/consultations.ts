import type { Consultation } from '../contract/consultations';
import { keys } from '../db/keys';
import { createRecords, getRecord } from '../db/records';
import type { IdempotencyToken, Reply } from '../http/contract';
import { conflict } from '../http/errors';

/**
 * A consultation as stored: its agenda, fixed when it was called, and the id its dispatch order will
 * have. The id is chosen up front so that concurrent first decisions all name the same order and
 * exactly one of them creates it.
 */
export type StoredConsultation = Consultation & { dispatchOrderId: string };

/** Access patterns: by id (pk); one per date through a claim item. */
export const insertConsultation = (
  consultation: StoredConsultation,
  reply: Reply,
  idempotency?: IdempotencyToken,
) =>
  createRecords(
    [
      {
        item: { ...keys.consultation(consultation.id), entity: 'consultation', ...consultation },
        onTaken: () => conflict('CONFLICT', `Consultation ${consultation.id} already exists.`),
      },
      {
        item: {
          ...keys.consultationDate(consultation.date),
          entity: 'uniqueClaim',
          ownerId: consultation.id,
        },
        onTaken: () =>
          conflict('CONSULTATION_DATE_TAKEN', `A consultation on ${consultation.date} already exists.`),
      },
    ],
    reply,
    idempotency,
  );

export const findConsultation = (consultationId: string) =>
  getRecord<StoredConsultation>(keys.consultation(consultationId));

/** The id of the consultation held on a date, through its uniqueness claim. */
export const findConsultationIdByDate = async (date: string): Promise<string | undefined> => {
  const claim = await getRecord<{ ownerId: string }>(keys.consultationDate(date));
  return claim?.ownerId;
};
