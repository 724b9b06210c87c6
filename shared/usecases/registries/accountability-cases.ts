import type {
  AccountabilityCase,
  CaseDecisionBody,
  CreateCaseBody,
} from '../../contract/accountability-cases';
import type { IdempotencyToken } from '../../db/creation-guard';
import type { Page } from '../../db/queries';
import { decisionFits } from '../../domain/accountability';
import { cadreVisibility } from '../../domain/cadre-visibility';
import { InvalidTransition, NotFound, StaleVersion, ValidationFailed } from '../../domain/errors';
import { newId, nowIso } from '../../domain/ids';
import type { Caller, Viewer } from '../../domain/viewer';
import {
  type CaseFilter,
  findCase,
  insertCase,
  listCases,
  saveCaseDecision,
} from '../../repositories/accountability-cases';
import { findCadre } from '../../repositories/cadres';
import { findEnterprise } from '../../repositories/enterprises';
import type { AccountabilityCaseRecord } from '../../repositories/records/accountability-cases';
import { emptyPage } from '../own-record-page';
import { pageView } from '../record-view';
import { assertReferencesFound } from '../references';
import { caseView } from './registry-views';

/**
 * Opens a pending case about an existing cadre (and enterprise, when named); the case keeps the
 * cadre's unit of that day so the unit's department can read it. Counted on the day it was opened.
 */
export const createCase = async (
  input: CreateCaseBody,
  idempotency?: IdempotencyToken,
): Promise<AccountabilityCase> => {
  const [cadre, enterprise] = await Promise.all([
    findCadre(input.cadreId),
    input.enterpriseId === undefined ? undefined : findEnterprise(input.enterpriseId),
  ]);
  assertReferencesFound([
    { path: 'body.cadreId', found: cadre !== undefined, message: 'No cadre with this id' },
    {
      path: 'body.enterpriseId',
      found: input.enterpriseId === undefined || enterprise !== undefined,
      message: 'No enterprise with this id',
    },
  ]);
  const now = nowIso();
  const record: AccountabilityCaseRecord = {
    id: newId(),
    ...input,
    unitId: cadre?.unitId ?? '',
    status: 'pending',
    decision: null,
    decisionReason: null,
    decidedBy: null,
    decidedAt: null,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  const view = caseView(record);
  await insertCase(record, idempotency?.guard(view));
  return view;
};

/** Leaders and the service centre see every case; a department those of its unit's cadres. */
const canSeeCase = (viewer: Viewer, record: AccountabilityCaseRecord): boolean => {
  const visibility = cadreVisibility(viewer);
  return visibility.kind === 'all' || (visibility.kind === 'unit' && visibility.unitId === record.unitId);
};

export const readCase = async (viewer: Viewer, caseId: string): Promise<AccountabilityCase> => {
  const record = await findCase(caseId);
  if (!record || !canSeeCase(viewer, record)) throw new NotFound('The case');
  return caseView(record);
};

/** The cases the viewer may see that pass the filters (a department asking for another unit finds none). */
export const listVisibleCases = async (
  viewer: Viewer,
  filter: CaseFilter,
  page: { limit: number; cursor?: string },
): Promise<Page<AccountabilityCase>> => {
  const visibility = cadreVisibility(viewer);
  if (visibility.kind === 'all') return pageView(await listCases(filter, page), caseView);
  if (visibility.kind !== 'unit') return emptyPage();
  if (filter.unitId !== undefined && filter.unitId !== visibility.unitId) return emptyPage();
  return pageView(await listCases({ ...filter, unitId: visibility.unitId }, page), caseView);
};

/**
 * Decides a pending case once: the decision must suit the case's kind (400), a decided case is 409
 * INVALID_TRANSITION, a stale If-Match 412. `decidedBy` is the verified caller, never the body.
 */
export const decideCase = async (
  caller: Caller,
  caseId: string,
  input: CaseDecisionBody,
  expectedVersion: number,
): Promise<AccountabilityCase> => {
  const record = await findCase(caseId);
  if (!record) throw new NotFound('The case');
  if (record.version !== expectedVersion) throw new StaleVersion();
  if (record.status !== 'pending') throw new InvalidTransition(`Case ${caseId} is already decided.`);
  if (!decisionFits(record.kind, input.decision)) {
    throw new ValidationFailed([
      { path: 'body.decision', message: `Not a decision for a case of kind ${record.kind}` },
    ]);
  }
  const decided = await saveCaseDecision(
    caseId,
    {
      status: 'decided',
      decision: input.decision,
      decisionReason: input.reason,
      decidedBy: caller.sub,
      decidedAt: nowIso(),
    },
    expectedVersion,
  );
  return caseView(decided);
};
