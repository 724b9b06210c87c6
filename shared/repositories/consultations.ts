import type { CreationGuard } from '../db/creation-guard';
import { consultationKeys, indexKeysOf } from '../db/keys';
import { type Page, queryAll, queryPage } from '../db/queries';
import { createRecords, getRecord, updateVersioned } from '../db/records';
import { Conflict } from '../domain/errors';
import type { ConsultationRecord } from './records/consultations';

/** Access patterns: by id (pk); one per date through a claim item; by date (GSI1). */
export const insertConsultation = (consultation: ConsultationRecord, guard?: CreationGuard) =>
  createRecords(
    [
      {
        item: {
          ...consultationKeys.item(consultation.id),
          ...indexKeysOf(consultation.id, [
            consultationKeys.byDate(consultationKeys.sortKey(consultation.date, consultation.id)),
          ]),
          entity: 'consultation',
          ...consultation,
        },
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

/** The meeting's record (chair, attendees, minutes) as read at `expectedVersion`; 412 on a race. */
export const saveConsultationRecord = (
  consultationId: string,
  changes: Pick<ConsultationRecord, 'chair' | 'attendees' | 'minutes' | 'recordedBy'>,
  expectedVersion: number,
) =>
  updateVersioned<ConsultationRecord>(
    consultationKeys.item(consultationId),
    expectedVersion,
    changes,
    'The consultation',
  );

const between = (range: { from?: string; to?: string }) => ({
  ...consultationKeys.byDate(),
  // Sort keys are `date#id`: `~` sorts after every id character, so the last day is included.
  sortBetween: { from: range.from ?? '0000-00-00', to: `${range.to ?? '9999-12-31'}#~` },
});

/** Consultations held in a period (dates inclusive), newest first, a page at a time. */
export const listConsultationsBetween = (
  range: { from?: string; to?: string },
  page: { limit: number; cursor?: string },
): Promise<Page<ConsultationRecord>> =>
  queryPage<ConsultationRecord>({ ...between(range), newestFirst: true, ...page });

/** Every consultation of a period (two a month: a three-year period is ~80 items). */
export const allConsultationsBetween = (range: { from: string; to: string }) =>
  queryAll<ConsultationRecord>(between(range));
