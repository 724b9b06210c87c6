/** Trainings (企业家培训) and their attendance. */
import * as z from 'zod/mini';
import { attendeeIdentity } from '../domain/trainings';
import { defineRoute } from '../http/contract';
import { id, isoDate, name, pageOf, pageQuery, recordMeta, text } from './common';
import { distinctList } from './distinct-list';
import { REGISTRY_READERS, REGISTRY_WRITERS } from './registry-roles';

export const TRAINING_AUDIENCES = ['entrepreneurs', 'cadres', 'mixed'] as const;

const trainingFields = {
  title: text(200),
  date: isoDate,
  audience: z.enum(TRAINING_AUDIENCES),
  location: z.optional(text(200)),
  organizerUnitId: z.optional(id),
  description: z.optional(text(2000)),
};

export const createTrainingBody = z.strictObject(trainingFields);
export type CreateTrainingBody = z.output<typeof createTrainingBody>;

export const trainingRecord = z.object({
  ...recordMeta,
  ...trainingFields,
  /** Attendances recorded so far (server-kept). */
  attendanceCount: z.number(),
});
export type Training = z.output<typeof trainingRecord>;

/** A cadre, or a named person of an enterprise (an entrepreneur or manager). */
const attendee = z
  .strictObject({ cadreId: z.optional(id), enterpriseId: z.optional(id), name: z.optional(name) })
  .check(
    z.refine(
      (a) =>
        a.cadreId !== undefined
          ? a.enterpriseId === undefined && a.name === undefined
          : a.enterpriseId !== undefined && a.name !== undefined,
      { message: 'An attendee is either { cadreId } or { enterpriseId, name }' },
    ),
  );
export type Attendee = z.output<typeof attendee>;

/** At most 50 per request: each is its own guarded put, and a transaction holds 100 writes. */
export const MAX_ATTENDEES_PER_REQUEST = 50;

export const recordAttendanceBody = z.strictObject({
  attendees: distinctList(attendee, MAX_ATTENDEES_PER_REQUEST, 'Attendees', attendeeIdentity).check(
    z.minLength(1),
  ),
});
export type RecordAttendanceBody = z.output<typeof recordAttendanceBody>;

export const attendanceRecord = z.object({
  ...recordMeta,
  trainingId: z.string(),
  cadreId: z.optional(z.string()),
  enterpriseId: z.optional(z.string()),
  name: z.optional(z.string()),
});
export type Attendance = z.output<typeof attendanceRecord>;

const trainingParams = z.strictObject({ trainingId: id });

export const trainingRoutes = {
  createTraining: defineRoute({
    method: 'POST',
    path: '/trainings',
    area: 'registries',
    summary: 'Register a training session',
    roles: REGISTRY_WRITERS,
    body: createTrainingBody,
    response: trainingRecord,
    successStatus: 201,
    idempotency: 'required',
  }),
  listTrainings: defineRoute({
    method: 'GET',
    path: '/trainings',
    area: 'registries',
    summary: 'Trainings by date, newest first; filters organizerUnitId, from, to (dates inclusive)',
    roles: REGISTRY_READERS,
    query: z.strictObject({
      organizerUnitId: z.optional(id),
      from: z.optional(isoDate),
      to: z.optional(isoDate),
      ...pageQuery,
    }),
    response: pageOf(trainingRecord),
  }),
  getTraining: defineRoute({
    method: 'GET',
    path: '/trainings/{trainingId}',
    area: 'registries',
    summary: 'Get one training with its attendance count',
    roles: REGISTRY_READERS,
    params: trainingParams,
    response: trainingRecord,
  }),
  recordAttendance: defineRoute({
    method: 'POST',
    path: '/trainings/{trainingId}/attendance',
    area: 'registries',
    summary: 'Record attendees (cadres, enterprise people) of a training: one attendance each',
    roles: REGISTRY_WRITERS,
    params: trainingParams,
    body: recordAttendanceBody,
    response: z.object({ trainingId: z.string(), items: z.array(attendanceRecord) }),
    successStatus: 201,
    idempotency: 'required',
  }),
  listAttendance: defineRoute({
    method: 'GET',
    path: '/trainings/{trainingId}/attendance',
    area: 'registries',
    summary: "A training's attendances",
    roles: REGISTRY_READERS,
    params: trainingParams,
    query: z.strictObject(pageQuery),
    response: pageOf(attendanceRecord),
  }),
};
