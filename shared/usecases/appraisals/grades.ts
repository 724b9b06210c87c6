import type {
  CommitteeApprovalBody,
  CreateGradeBody,
  Grade,
  LeaderOpinionBody,
} from '../../contract/appraisals';
import type { IdempotencyToken } from '../../db/creation-guard';
import {
  assertAwaitsCommitteeApproval,
  assertAwaitsLeaderOpinion,
  excellentCountChange,
  initialGradeStatus,
} from '../../domain/appraisal/grade-approval';
import { InputRejected, NotFound, StaleVersion } from '../../domain/errors';
import { newId, nowIso } from '../../domain/ids';
import type { Caller } from '../../domain/viewer';
import { findGrade, insertGrade, readGradeLedger, saveGradeStep } from '../../repositories/appraisal-grades';
import { findCadre } from '../../repositories/cadres';
import type { GradeLedgerEntryRecord, GradeRecord } from '../../repositories/records/appraisals';
import { actorOf } from './actor';
import { gradeLedgerEntryView, gradeView } from './appraisal-views';
import { excellentSlot, listOf } from './excellent-slot';
import { secondedOfYear } from './year-seconded';

const unknownReference = (path: string, message: string) =>
  new InputRejected('UNKNOWN_REFERENCE', 'The request names records that do not exist.', [{ path, message }]);

/**
 * Records a cadre's annual grade. The list follows from the records (a residency in the year: the
 * separate list), an excellent grade takes a place of that list's quota (409
 * EXCELLENT_QUOTA_EXHAUSTED when none is left), and a city-managed section-level cadre's grade waits
 * for the city leader and the Party committee. The grade and its first ledger entry are one write.
 */
export const gradeCadre = async (
  caller: Caller,
  year: string,
  input: CreateGradeBody,
  idempotency?: IdempotencyToken,
): Promise<Grade> => {
  const cadre = await findCadre(input.cadreId);
  if (!cadre) throw unknownReference('body.cadreId', 'No cadre with this id');
  const seconded = await secondedOfYear(year);
  const list = listOf(seconded, cadre.id);
  const slot =
    input.grade === 'excellent' ? await excellentSlot(year, list, cadre.unitId, seconded) : undefined;
  const at = nowIso();
  const cityManagedSectionLevel = cadre.cityManagedSectionLevel ?? false;
  const status = initialGradeStatus(cityManagedSectionLevel);
  const gradedBy = actorOf(caller, ['operator', 'admin']);
  const grade: GradeRecord = {
    id: newId(),
    year,
    cadreId: cadre.id,
    unitId: cadre.unitId,
    list,
    cityManagedSectionLevel,
    proposedGrade: input.grade,
    grade: input.grade,
    status,
    ...(input.note === undefined ? {} : { note: input.note }),
    gradedBy,
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  const entry: GradeLedgerEntryRecord = {
    seq: 1,
    at,
    actor: gradedBy,
    action: 'graded',
    fromStatus: null,
    toStatus: status,
    data: { grade: input.grade, list, ...(slot ? { excellentQuota: slot.quota } : {}) },
  };
  const view = gradeView(grade);
  await insertGrade(grade, entry, slot, idempotency?.guard(view));
  return view;
};

const existingGrade = async (year: string, cadreId: string): Promise<GradeRecord> => {
  const grade = await findGrade(year, cadreId);
  if (!grade) throw new NotFound('The grade');
  return grade;
};

export const readGrade = async (year: string, cadreId: string): Promise<Grade> =>
  gradeView(await existingGrade(year, cadreId));

const currentGrade = async (year: string, cadreId: string, expectedVersion: number): Promise<GradeRecord> => {
  const grade = await existingGrade(year, cadreId);
  if (grade.version !== expectedVersion) throw new StaleVersion();
  return grade;
};

/** The city leader's opinion: the first of the two steps. */
export const giveLeaderOpinion = async (
  caller: Caller,
  year: string,
  cadreId: string,
  input: LeaderOpinionBody,
  expectedVersion: number,
): Promise<Grade> => {
  const grade = await currentGrade(year, cadreId, expectedVersion);
  assertAwaitsLeaderOpinion(grade.status);
  const at = nowIso();
  const by = actorOf(caller, ['leader']);
  const leaderOpinion = { ...input, by, at };
  const changes = { status: 'awaiting_committee_approval' as const, leaderOpinion };
  const saved = await saveGradeStep({ ...grade, ...changes }, changes, expectedVersion, {
    seq: expectedVersion + 1,
    at,
    actor: by,
    action: 'leader_opinion',
    fromStatus: grade.status,
    toStatus: changes.status,
    data: { ...input },
  });
  return gradeView(saved);
};

/**
 * The Party committee's approval (审定), recorded by the office: the grade becomes the approved one.
 * A change into excellent must still fit the list's quota; a change out of it frees the place.
 */
export const approveGrade = async (
  caller: Caller,
  year: string,
  cadreId: string,
  input: CommitteeApprovalBody,
  expectedVersion: number,
): Promise<Grade> => {
  const grade = await currentGrade(year, cadreId, expectedVersion);
  assertAwaitsCommitteeApproval(grade.status);
  const move = excellentCountChange(grade.grade, input.grade);
  const slot =
    move === 1
      ? await excellentSlot(year, grade.list, grade.unitId)
      : { year, list: grade.list, unitId: grade.unitId, quota: 0 };
  const at = nowIso();
  const by = actorOf(caller, ['operator', 'admin']);
  const changes = {
    status: 'approved' as const,
    grade: input.grade,
    committeeApproval: { ...input, by, at },
  };
  const saved = await saveGradeStep(
    { ...grade, ...changes },
    changes,
    expectedVersion,
    {
      seq: expectedVersion + 1,
      at,
      actor: by,
      action: 'committee_approval',
      fromStatus: grade.status,
      toStatus: 'approved',
      data: { ...input, proposedGrade: grade.grade, changed: grade.grade !== input.grade },
    },
    move === 0 ? undefined : { slot, by: move },
  );
  return gradeView(saved);
};

export const gradeLedger = async (year: string, cadreId: string) => {
  await existingGrade(year, cadreId);
  return { items: (await readGradeLedger(year, cadreId)).map(gradeLedgerEntryView), nextCursor: null };
};
