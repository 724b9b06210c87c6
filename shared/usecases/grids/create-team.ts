import type { CreateTeamBody, Team } from '../../contract/grids';
import type { IdempotencyToken } from '../../db/creation-guard';
import { NotFound } from '../../domain/errors';
import { newId, nowIso } from '../../domain/ids';
import { findCadres } from '../../repositories/cadres';
import { findGrid, insertTeam } from '../../repositories/grids';
import type { TeamRecord } from '../../repositories/records/grids';
import { assertReferencesFound } from '../references';
import { teamView } from './grid-views';

/**
 * Forms a visit team in an existing grid from existing cadres; the team and each member's
 * membership are written together. Records are never deleted, so checking before writing is safe.
 */
export const createTeam = async (
  gridId: string,
  input: CreateTeamBody,
  idempotency?: IdempotencyToken,
): Promise<Team> => {
  const grid = await findGrid(gridId);
  if (!grid) throw new NotFound('The grid');
  const members = await findCadres(input.memberCadreIds);
  assertReferencesFound(
    members.map((member, i) => ({
      path: `body.memberCadreIds.${i}`,
      found: member !== undefined,
      message: 'No cadre with this id',
    })),
  );
  const now = nowIso();
  const team: TeamRecord = { id: newId(), gridId, ...input, version: 1, createdAt: now, updatedAt: now };
  const view = teamView(team);
  await insertTeam(team, idempotency?.guard(view));
  return view;
};
