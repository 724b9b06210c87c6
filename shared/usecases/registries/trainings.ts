import type {
  Attendance,
  CreateTrainingBody,
  RecordAttendanceBody,
  Training,
} from '../../contract/trainings';
import type { IdempotencyToken } from '../../db/creation-guard';
import type { Page } from '../../db/queries';
import { NotFound } from '../../domain/errors';
import { newId, nowIso } from '../../domain/ids';
import { findCadre } from '../../repositories/cadres';
import { findEnterprise } from '../../repositories/enterprises';
import type { AttendanceRecord, TrainingRecord } from '../../repositories/records/trainings';
import {
  findTraining,
  insertAttendances,
  insertTraining,
  listAttendance,
} from '../../repositories/trainings';
import { findUnit } from '../../repositories/units';
import { pageView } from '../record-view';
import { assertReferencesFound, type Reference } from '../references';
import { attendanceView, trainingView } from './registry-views';

/** Registers a training (an organising unit, when named, must exist); counted on its date. */
export const createTraining = async (
  input: CreateTrainingBody,
  idempotency?: IdempotencyToken,
): Promise<Training> => {
  if (input.organizerUnitId !== undefined) {
    const unit = await findUnit(input.organizerUnitId);
    assertReferencesFound([
      { path: 'body.organizerUnitId', found: unit !== undefined, message: 'No unit with this id' },
    ]);
  }
  const now = nowIso();
  const training: TrainingRecord = {
    id: newId(),
    ...input,
    attendanceCount: 0,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  const view = trainingView(training);
  await insertTraining(training, idempotency?.guard(view));
  return view;
};

const existingTraining = async (trainingId: string): Promise<TrainingRecord> => {
  const training = await findTraining(trainingId);
  if (!training) throw new NotFound('The training');
  return training;
};

export const readTraining = async (trainingId: string): Promise<Training> =>
  trainingView(await existingTraining(trainingId));

/** Every attendee's cadre or enterprise must exist; all missing ones are reported at once. */
const checkAttendees = async (attendees: RecordAttendanceBody['attendees']): Promise<void> => {
  const references = await Promise.all(
    attendees.map(async (attendee, i): Promise<Reference> => {
      if (attendee.cadreId !== undefined) {
        const cadre = await findCadre(attendee.cadreId);
        return {
          path: `body.attendees.${i}.cadreId`,
          found: cadre !== undefined,
          message: 'No cadre with this id',
        };
      }
      const enterprise = await findEnterprise(attendee.enterpriseId ?? '');
      return {
        path: `body.attendees.${i}.enterpriseId`,
        found: enterprise !== undefined,
        message: 'No enterprise with this id',
      };
    }),
  );
  assertReferencesFound(references);
};

/**
 * Records who attended a training (404 for an unknown training): all attendees or none. A person
 * already recorded for this training is a 409 ATTENDANCE_EXISTS, decided by the database.
 */
export const recordAttendance = async (
  trainingId: string,
  input: RecordAttendanceBody,
  idempotency?: IdempotencyToken,
) => {
  const training = await existingTraining(trainingId);
  await checkAttendees(input.attendees);
  const now = nowIso();
  const items: AttendanceRecord[] = input.attendees.map((attendee) => ({
    id: newId(),
    trainingId,
    ...attendee,
    version: 1,
    createdAt: now,
    updatedAt: now,
  }));
  const attendance = { trainingId, items: items.map(attendanceView) };
  await insertAttendances(training, items, idempotency?.guard(attendance));
  return attendance;
};

export const readAttendance = async (
  trainingId: string,
  page: { limit: number; cursor?: string },
): Promise<Page<Attendance>> => {
  await existingTraining(trainingId);
  return pageView(await listAttendance(trainingId, page), attendanceView);
};
