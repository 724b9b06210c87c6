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
import { findCadres } from '../../repositories/cadres';
import { findEnterprises } from '../../repositories/enterprises';
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
/** Every attendee must exist: cadres and enterprises are each read in one batch, not one by one. */
const checkAttendees = async (attendees: RecordAttendanceBody['attendees']): Promise<void> => {
  const cadreIds = attendees.flatMap((attendee) =>
    attendee.cadreId !== undefined ? [attendee.cadreId] : [],
  );
  const enterpriseIds = attendees.flatMap((attendee) =>
    attendee.cadreId === undefined ? [attendee.enterpriseId ?? ''] : [],
  );
  const [cadres, enterprises] = await Promise.all([
    cadreIds.length > 0 ? findCadres(cadreIds) : [],
    enterpriseIds.length > 0 ? findEnterprises(enterpriseIds) : [],
  ]);
  const cadreFound = new Set(cadres.flatMap((cadre) => (cadre ? [cadre.id] : [])));
  const enterpriseFound = new Set(enterprises.flatMap((enterprise) => (enterprise ? [enterprise.id] : [])));
  const references = attendees.map(
    (attendee, i): Reference =>
      attendee.cadreId !== undefined
        ? {
            path: `body.attendees.${i}.cadreId`,
            found: cadreFound.has(attendee.cadreId),
            message: 'No cadre with this id',
          }
        : {
            path: `body.attendees.${i}.enterpriseId`,
            found: enterpriseFound.has(attendee.enterpriseId ?? ''),
            message: 'No enterprise with this id',
          },
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
