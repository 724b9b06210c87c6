import type { RaiseIssueBody } from '../../contract/issues';
import type { IdempotencyToken } from '../../db/creation-guard';
import { Forbidden, InputRejected } from '../../domain/errors';
import { newId, nowIso } from '../../domain/ids';
import { reachCovers } from '../../domain/issues/permissions';
import { raisedIssue, raisingRoleOf, sourceFor, sourcesOf } from '../../domain/issues/raising';
import type { Caller } from '../../domain/viewer';
import { putMetrics } from '../../observability/metrics';
import { findEnterprise } from '../../repositories/enterprises';
import { insertIssue } from '../../repositories/issues';
import { reachOf } from './issue-scope';
import { issueView } from './issue-view';

/**
 * Raises an issue for an enterprise: an enterprise account for itself only (refused before anything is
 * read), a cadre for enterprises of its grids, the service centre for any. The issue (raisedIssue) is
 * written with its first ledger entry in one transaction, at most once per Idempotency-Key.
 */
export const raiseIssue = async (caller: Caller, input: RaiseIssueBody, idempotency?: IdempotencyToken) => {
  const role = raisingRoleOf(caller.roles);
  if (!role) throw new Forbidden();
  if (role === 'enterprise' && caller.enterpriseId !== input.enterpriseId) {
    throw new Forbidden('An enterprise account raises issues for its own enterprise only.');
  }
  const source = sourceFor(role, input.source);
  if (!source) {
    throw new InputRejected(
      'VALIDATION_FAILED',
      `A ${role} raises issues from these sources: ${sourcesOf(role).join(', ')}.`,
      [{ path: 'body.source', message: `Not a source a ${role} raises from` }],
    );
  }
  const enterprise = await findEnterprise(input.enterpriseId);
  if (!enterprise) {
    throw new InputRejected('UNKNOWN_REFERENCE', 'The request names records that do not exist.', [
      { path: 'body.enterpriseId', message: 'No enterprise with this id' },
    ]);
  }
  if (
    role === 'cadre' &&
    !reachCovers(await reachOf(caller), { gridId: enterprise.gridId, enterpriseId: enterprise.id })
  ) {
    throw new Forbidden('The enterprise lies outside the grids of your visit teams.');
  }

  const { issue, entry } = raisedIssue({
    id: newId(),
    at: nowIso(),
    actor: { sub: caller.sub, role },
    enterprise,
    category: input.category,
    type: input.type,
    title: input.title,
    description: input.description,
    source,
  });
  const view = issueView(issue, caller);
  await insertIssue(issue, entry, idempotency?.guard(view));
  putMetrics({ values: { IssuesRaised: 1 } });
  return view;
};
