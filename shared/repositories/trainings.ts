import { tableNames } from '../config';
import type { CreationGuard } from '../db/creation-guard';
import { indexKeysOf, trainingKeys } from '../db/keys';
import { type IndexQuery, type Page, queryPage } from '../db/queries';
import { createRecords, getRecord } from '../db/records';
import { Conflict } from '../domain/errors';
import { programStatsUpdate } from './program-stats';
import type { AttendanceRecord, TrainingRecord } from './records/trainings';

/**
 * Trainings and attendance. Access patterns: a training by id (pk); all trainings (GSI1) or those of
 * an organising unit (GSI2) by date (`date#id`), newest first, a date range as a filter; a
 * training's attendances by key query of its partition, one item per attendee (so a second attendance
 * of the same person is refused by the database).
 */
const sortOf = (training: Pick<TrainingRecord, 'date' | 'id'>) => `${training.date}#${training.id}`;

const partitionsOf = (training: TrainingRecord) => [
  trainingKeys.all(sortOf(training)),
  ...(training.organizerUnitId ? [trainingKeys.byOrganizer(training.organizerUnitId, sortOf(training))] : []),
];

/** The training and its day's `trainings` count, in one transaction. */
export const insertTraining = (training: TrainingRecord, guard?: CreationGuard) =>
  createRecords(
    [
      {
        item: {
          ...trainingKeys.item(training.id),
          ...indexKeysOf(training.id, partitionsOf(training)),
          entity: 'training',
          ...training,
        },
        onTaken: () => new Conflict('CONFLICT', `Training ${training.id} already exists.`),
      },
    ],
    guard,
    [programStatsUpdate(training.date, training.id, { trainings: 1 })],
  );

export const findTraining = (trainingId: string) => getRecord<TrainingRecord>(trainingKeys.item(trainingId));

export interface TrainingFilter {
  organizerUnitId?: string;
  from?: string;
  to?: string;
}

const dateRange = ({ from, to }: TrainingFilter): IndexQuery['filter'] => {
  if (from && to) {
    return {
      expression: '#date BETWEEN :from AND :to',
      names: { '#date': 'date' },
      values: { ':from': from, ':to': to },
    };
  }
  if (from) return { expression: '#date >= :from', names: { '#date': 'date' }, values: { ':from': from } };
  if (to) return { expression: '#date <= :to', names: { '#date': 'date' }, values: { ':to': to } };
  return undefined;
};

export const trainingQueryPlan = (filter: TrainingFilter) => ({
  ...(filter.organizerUnitId ? trainingKeys.byOrganizer(filter.organizerUnitId) : trainingKeys.all()),
  filter: dateRange(filter),
  newestFirst: true,
});

export const listTrainings = (filter: TrainingFilter, page: { limit: number; cursor?: string }) =>
  queryPage<TrainingRecord>({ ...trainingQueryPlan(filter), ...page });

/**
 * Attendances of one training, together: one guarded put per attendee, the training's count and the
 * day's `trainingAttendances` (on the training's date). A person already recorded fails it all (Conflict).
 */
export const insertAttendances = (
  training: TrainingRecord,
  attendances: readonly AttendanceRecord[],
  guard?: CreationGuard,
) => {
  const [first] = attendances;
  if (!first) throw new Error('insertAttendances needs at least one attendance');
  return createRecords(
    attendances.map((attendance) => ({
      item: {
        ...trainingKeys.attendance(training.id, attendance),
        entity: 'trainingAttendance',
        ...attendance,
      },
      onTaken: () =>
        new Conflict(
          'ATTENDANCE_EXISTS',
          `${attendance.cadreId ? `Cadre ${attendance.cadreId}` : `${attendance.name} of enterprise ${attendance.enterpriseId}`} is already recorded as attending training ${training.id}.`,
        ),
    })),
    guard,
    [
      {
        Update: {
          TableName: tableNames.program,
          Key: trainingKeys.item(training.id),
          UpdateExpression: 'ADD attendanceCount :n',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':n': attendances.length },
        },
      },
      programStatsUpdate(training.date, first.id, { trainingAttendances: attendances.length }),
    ],
  );
};

export const listAttendance = (
  trainingId: string,
  page: { limit: number; cursor?: string },
): Promise<Page<AttendanceRecord>> =>
  queryPage<AttendanceRecord>({ ...trainingKeys.attendancesOf(trainingId), ...page });
