import type {
  CreateEngagementBody,
  CreateExpertBody,
  Engagement,
  Expert,
  UpdateExpertBody,
} from '../../contract/experts';
import type { IdempotencyToken } from '../../db/creation-guard';
import type { Page } from '../../db/queries';
import { NotFound, StaleVersion } from '../../domain/errors';
import { newId, nowIso } from '../../domain/ids';
import { findEnterprise } from '../../repositories/enterprises';
import {
  findExpert,
  insertEngagement,
  insertExpert,
  issueExists,
  listEngagements,
  saveExpertChanges,
} from '../../repositories/experts';
import type { EngagementRecord, ExpertRecord } from '../../repositories/records/experts';
import { pageView } from '../record-view';
import { assertReferencesFound } from '../references';
import { engagementView, expertView } from './registry-views';

export const createExpert = async (
  input: CreateExpertBody,
  idempotency?: IdempotencyToken,
): Promise<Expert> => {
  const now = nowIso();
  const expert: ExpertRecord = { id: newId(), ...input, version: 1, createdAt: now, updatedAt: now };
  const view = expertView(expert);
  await insertExpert(expert, idempotency?.guard(view));
  return view;
};

const existingExpert = async (expertId: string): Promise<ExpertRecord> => {
  const expert = await findExpert(expertId);
  if (!expert) throw new NotFound('The expert');
  return expert;
};

export const readExpert = async (expertId: string): Promise<Expert> =>
  expertView(await existingExpert(expertId));

/** Changes an expert read at `expectedVersion`; the conditional write still yields 412 on a race. */
export const updateExpert = async (
  expertId: string,
  patch: UpdateExpertBody,
  expectedVersion: number,
): Promise<Expert> => {
  const current = await existingExpert(expertId);
  if (current.version !== expectedVersion) throw new StaleVersion();
  return expertView(await saveExpertChanges({ ...current, ...patch }, patch, expectedVersion));
};

/**
 * Records an engagement of an existing expert (else 404) on the one issue or enterprise it names,
 * which must exist (else 400 UNKNOWN_REFERENCE); counted in the day's `expertEngagements`.
 */
export const createEngagement = async (
  expertId: string,
  input: CreateEngagementBody,
  idempotency?: IdempotencyToken,
): Promise<Engagement> => {
  await existingExpert(expertId);
  if (input.issueId !== undefined) {
    assertReferencesFound([
      { path: 'body.issueId', found: await issueExists(input.issueId), message: 'No issue with this id' },
    ]);
  } else if (input.enterpriseId !== undefined) {
    const enterprise = await findEnterprise(input.enterpriseId);
    assertReferencesFound([
      { path: 'body.enterpriseId', found: enterprise !== undefined, message: 'No enterprise with this id' },
    ]);
  }
  const now = nowIso();
  const engagement: EngagementRecord = {
    id: newId(),
    expertId,
    ...input,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  const view = engagementView(engagement);
  await insertEngagement(engagement, idempotency?.guard(view));
  return view;
};

/** An unknown expert is 404 rather than an empty list, so a mistyped id does not look like "none". */
export const readEngagements = async (
  expertId: string,
  page: { limit: number; cursor?: string },
): Promise<Page<Engagement>> => {
  await existingExpert(expertId);
  return pageView(await listEngagements(expertId, page), engagementView);
};
