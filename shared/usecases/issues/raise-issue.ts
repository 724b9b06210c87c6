import type { RaiseIssueBody } from '../../contract/issues';
import { newId, nowIso } from '../../domain/ids';
import { reachCovers } from '../../domain/issues/permissions';
import { raisedIssue, raisingRoleOf, sourceFor, sourcesOf } from '../../domain/issues/raising';
import type { IdempotencyToken, Reply } from '../../http/contract';
import { badRequest, forbidden } from '../../http/errors';
import type { Principal } from '../../http/principal';
import { findEnterprise } from '../../repositories/enterprises';
import { insertIssue } from '../../repositories/issues';
import { reachOf } from './issue-scope';
import { issueView } from './issue-view';

/**
 * Raises an issue for an enterprise: an enterprise account for itself only (refused before anything is
 * read), a cadre for enterprises of its grids, the service centre for any. The issue (raisedIssue) is
 * written with its first ledger entry in one transaction, at most once per Idempotency-Key.
 */
export const raiseIssue = async (
  principal: Principal,
  input: RaiseIssueBody,
  idempotency?: IdempotencyToken,
): Promise<Reply> => {
  const role = raisingRoleOf(principal.roles);
  if (!role) throw forbidden();
  if (role === 'enterprise' && principal.enterpriseId !== input.enterpriseId) {
    throw forbidden('An enterprise account raises issues for its own enterprise only.');
  }
  const source = sourceFor(role, input.source);
  if (!source) {
    throw badRequest(
      'VALIDATION_FAILED',
      `A ${role} raises issues from these sources: ${sourcesOf(role).join(', ')}.`,
      [{ path: 'body.source', message: `Not a source a ${role} raises from` }],
    );
  }
  const enterprise = await findEnterprise(input.enterpriseId);
  if (!enterprise) {
    throw badRequest('UNKNOWN_REFERENCE', 'The request names records that do not exist.', [
      { path: 'body.enterpriseId', message: 'No enterprise with this id' },
    ]);
  }
  if (
    role === 'cadre' &&
    !reachCovers(await reachOf(principal), { gridId: enterprise.gridId, enterpriseId: enterprise.id })
  ) {
    throw forbidden('The enterprise lies outside the grids of your visit teams.');
  }

  const { issue, entry } = raisedIssue({
    id: newId(),
    at: nowIso(),
    actor: { sub: principal.sub, role },
    enterprise,
    category: input.category,
    title: input.title,
    description: input.description,
    source,
  });
  return insertIssue(issue, entry, { status: 201, body: issueView(issue) }, idempotency);
};
