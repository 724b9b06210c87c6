import { issueRoutes } from '../../../shared/contract/issues';
import type { Issue } from '../../../shared/domain/issues/issue';
import { apiHandler } from '../../../shared/http/api-handler';
import type { Implementations } from '../../../shared/http/contract';
import { runIdempotently } from '../../../shared/http/idempotency';
import type { Principal } from '../../../shared/http/principal';
import { actOnIssue, type PersonCommand } from '../../../shared/usecases/issues/act-on-issue';
import { issueView } from '../../../shared/usecases/issues/issue-view';
import { raiseIssue } from '../../../shared/usecases/issues/raise-issue';

/** A transition route answers the issue as it now is, as the caller may see it. */
const answer = async (principal: Principal, decided: Promise<Issue>) => ({
  body: issueView(await decided, principal),
});
const act = (principal: Principal, issueId: string, command: PersonCommand) =>
  answer(principal, actOnIssue(principal, issueId, command));

export const routes: Implementations<typeof issueRoutes> = {
  raiseIssue: async ({ principal, body, idempotency }) => ({
    body: await raiseIssue(principal, body, idempotency),
  }),
  resolveOnSpot: ({ principal, params, body }) =>
    act(principal, params.issueId, { type: 'resolve_on_spot', resolution: body.resolution }),
  reportProgress: ({ principal, params, body }) =>
    act(principal, params.issueId, { type: 'progress', note: body.note }),
  returnIssue: ({ principal, params, body }) => act(principal, params.issueId, { type: 'return', ...body }),
  requestConsultation: ({ principal, params, body }) =>
    act(principal, params.issueId, { type: 'request_consultation', note: body.note }),
  requestExtension: ({ principal, params, body }) =>
    act(principal, params.issueId, { type: 'request_extension', ...body }),
  approveExtension: ({ principal, params }) => act(principal, params.issueId, { type: 'approve_extension' }),
  resolveIssue: ({ principal, params, body }) => act(principal, params.issueId, { type: 'resolve', ...body }),
  giveFeedback: ({ principal, params, body }) =>
    act(principal, params.issueId, { type: 'feedback', ...body }),
  markUnreasonable: ({ principal, params, body }) =>
    act(principal, params.issueId, { type: 'mark_unreasonable', reason: body.reason }),
};

export const handler = apiHandler(issueRoutes, routes, { idempotency: runIdempotently });
