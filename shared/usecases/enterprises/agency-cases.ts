import type {
  AgencyCase,
  AgencyCaseDetail,
  AgencyLedgerEntry,
  AgencyStep,
  MoveAgencyStepBody,
  OpenAgencyCaseBody,
} from '../../contract/agency-cases';
import type { IdempotencyToken } from '../../db/creation-guard';
import type { Page } from '../../db/queries';
import {
  agencyCaseProgress,
  agencyCaseReach,
  agencyStepMove,
  isAgencyStepOverdue,
  mayMoveAgencySteps,
} from '../../domain/agency-cases';
import { programDateOf } from '../../domain/calendar/program-date';
import { NotFound, StaleVersion, ValidationFailed } from '../../domain/errors';
import { newId, nowIso } from '../../domain/ids';
import type { Caller, Viewer } from '../../domain/viewer';
import {
  allAgencySteps,
  findAgencyCase,
  insertAgencyCase,
  listAgencyCases,
  listStepsOwnedBy,
  readAgencyLedger,
  saveAgencyStep,
} from '../../repositories/agency-cases';
import { findCadre } from '../../repositories/cadres';
import { findKeyEnterprise } from '../../repositories/key-enterprises';
import type { AgencyCaseRecord, AgencyStepRecord } from '../../repositories/records/agency-cases';
import { findUnit } from '../../repositories/units';
import { actorOf } from '../appraisals/actor';
import { programCalendar } from '../calendar/program-calendar';
import { emptyPage } from '../own-record-page';
import { pageView } from '../record-view';
import { assertReferencesFound } from '../references';

const OFFICE = ['operator', 'admin'] as const;
const today = () => programDateOf(nowIso());

const caseView = (record: AgencyCaseRecord): AgencyCase => ({
  ...record,
  status: record.stepsDone >= record.stepCount ? 'done' : 'open',
});
const stepView =
  (on: string) =>
  (step: AgencyStepRecord): AgencyStep => ({ ...step, overdue: isAgencyStepOverdue(step, on) });

const detailView = (record: AgencyCaseRecord, steps: readonly AgencyStepRecord[]): AgencyCaseDetail => {
  const progress = agencyCaseProgress(steps);
  return {
    ...caseView(record),
    ...(progress.doneOn === undefined ? {} : { doneOn: progress.doneOn }),
    steps: steps.map(stepView(today())),
  };
};

/**
 * Opens an agency case for a key enterprise: the agent is the named cadre unless another is given,
 * every step's unit must exist, and each step is due its working days after today (the program's
 * calendar, holidays and make-up days included). The case, its steps and the ledger's first entry
 * are one write.
 */
export const openAgencyCase = async (
  caller: Caller,
  enterpriseId: string,
  input: OpenAgencyCaseBody,
  idempotency?: IdempotencyToken,
): Promise<AgencyCaseDetail> => {
  const designation = await findKeyEnterprise(enterpriseId);
  if (!designation) throw new NotFound('The key enterprise');
  const agentCadreId = input.agentCadreId ?? designation.liaisonCadreId;
  const unitIds = [...new Set(input.steps.map((step) => step.ownerUnitId))];
  const [agent, units] = await Promise.all([
    findCadre(agentCadreId),
    Promise.all(unitIds.map(async (unitId) => [unitId, (await findUnit(unitId)) !== undefined] as const)),
  ]);
  const foundUnits = new Map(units);
  assertReferencesFound([
    { path: 'body.agentCadreId', found: agent !== undefined, message: 'No cadre with this id' },
    ...input.steps.map((step, i) => ({
      path: `body.steps.${i}.ownerUnitId`,
      found: foundUnits.get(step.ownerUnitId) === true,
      message: 'No unit with this id',
    })),
  ]);
  const calendar = await programCalendar();
  const at = nowIso();
  const openedOn = programDateOf(at);
  const meta = { version: 1, createdAt: at, updatedAt: at };
  const agencyCase: AgencyCaseRecord = {
    id: newId(),
    enterpriseId,
    enterpriseName: designation.enterpriseName,
    matter: input.matter,
    agentCadreId,
    openedOn,
    stepCount: input.steps.length,
    stepsDone: 0,
    ...meta,
  };
  const steps: AgencyStepRecord[] = input.steps.map((step, i) => ({
    id: newId(),
    caseId: agencyCase.id,
    enterpriseId,
    place: i + 1,
    ...step,
    dueDate: calendar.addWorkingDays(openedOn, step.dueWorkingDays),
    status: 'pending',
    ...meta,
  }));
  const view = detailView(agencyCase, steps);
  await insertAgencyCase(
    agencyCase,
    steps,
    {
      at,
      actor: actorOf(caller, OFFICE),
      action: 'opened',
      fromStatus: null,
      toStatus: 'open',
      data: { matter: input.matter, agentCadreId, steps: steps.length },
    },
    idempotency?.guard(view),
  );
  return view;
};

/** The office and leaders see every case; others only what concerns them, else it is missing. */
const visibleCase = async (viewer: Viewer, caseId: string) => {
  const agencyCase = await findAgencyCase(caseId);
  if (!agencyCase) throw new NotFound('The agency case');
  const steps = await allAgencySteps(caseId);
  const reach = agencyCaseReach(
    viewer,
    agencyCase,
    steps.map((step) => step.ownerUnitId),
  );
  if (reach === 'none') throw new NotFound('The agency case');
  return { agencyCase, steps, reach };
};

/** A case with its steps; a department owning some of them sees only those. */
export const readAgencyCase = async (viewer: Viewer, caseId: string): Promise<AgencyCaseDetail> => {
  const { agencyCase, steps, reach } = await visibleCase(viewer, caseId);
  const shown = reach === 'own_steps' ? steps.filter((step) => step.ownerUnitId === viewer.unitId) : steps;
  return detailView(agencyCase, shown);
};

const isOffice = (viewer: Viewer) =>
  viewer.roles.some((role) => role === 'leader' || role === 'operator' || role === 'admin');

/**
 * Cases in opening order. An enterprise account lists its own enterprise's, a cadre the cases it
 * carries; a filter naming someone else's answers an empty page.
 */
export const readAgencyCases = async (
  viewer: Viewer,
  filter: { enterpriseId?: string; agentCadreId?: string },
  page: { limit: number; cursor?: string },
): Promise<Page<AgencyCase>> => {
  let scoped = filter;
  if (!isOffice(viewer)) {
    const own = viewer.roles.includes('enterprise')
      ? { field: 'enterpriseId' as const, value: viewer.enterpriseId }
      : { field: 'agentCadreId' as const, value: viewer.cadreId };
    const named = filter[own.field];
    if (own.value === undefined || (named !== undefined && named !== own.value)) return emptyPage();
    scoped = { ...filter, [own.field]: own.value };
  }
  return pageView(await listAgencyCases(scoped, page), caseView);
};

/**
 * Starts or finishes a step read at `expectedVersion`, by the office or the case's agent cadre
 * (anyone else finds no such case). Forward only; the change and its ledger entry are one write.
 */
export const moveAgencyStep = async (
  caller: Caller,
  caseId: string,
  stepId: string,
  input: MoveAgencyStepBody,
  expectedVersion: number,
): Promise<AgencyStep> => {
  const agencyCase = await findAgencyCase(caseId);
  if (!agencyCase || !mayMoveAgencySteps(caller, agencyCase)) throw new NotFound('The agency case');
  const step = (await allAgencySteps(caseId)).find((candidate) => candidate.id === stepId);
  if (!step) throw new NotFound('The step');
  if (step.version !== expectedVersion) throw new StaleVersion();
  const on = today();
  const move = agencyStepMove(step, input.status, input.doneOn, { openedOn: agencyCase.openedOn, today: on });
  const changes = { ...move, ...(input.note === undefined ? {} : { note: input.note }) };
  const saved = await saveAgencyStep(step, changes, expectedVersion, {
    at: nowIso(),
    actor: actorOf(caller, ['cadre', ...OFFICE]),
    action: move.status === 'done' ? 'step_done' : 'step_started',
    stepId,
    fromStatus: step.status,
    toStatus: move.status,
    data: { place: step.place, ...changes },
  });
  return stepView(on)(saved);
};

/** The case's ledger, oldest first: for the office, leaders and the agent cadre. */
export const agencyCaseLedger = async (viewer: Viewer, caseId: string): Promise<Page<AgencyLedgerEntry>> => {
  const { reach } = await visibleCase(viewer, caseId);
  if (reach !== 'all') throw new NotFound('The agency case');
  return { items: await readAgencyLedger(caseId), nextCursor: null };
};

/**
 * The steps a unit owns, by due date: a department's own unit (another unit named: an empty page);
 * leaders and the office name the unit.
 */
export const readAgencySteps = async (
  viewer: Viewer,
  unitId: string | undefined,
  page: { limit: number; cursor?: string },
): Promise<Page<AgencyStep>> => {
  let unit = unitId;
  if (!isOffice(viewer)) {
    if (viewer.unitId === undefined || (unitId !== undefined && unitId !== viewer.unitId)) return emptyPage();
    unit = viewer.unitId;
  }
  if (unit === undefined) {
    throw new ValidationFailed([{ path: 'query.unitId', message: 'Name the unit whose steps to list' }]);
  }
  return pageView(await listStepsOwnedBy(unit, page), stepView(today()));
};
