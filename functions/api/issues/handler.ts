import { issueRoutes } from '../../../shared/contract/issues';
import { apiHandler } from '../../../shared/http/api-handler';
import type { Implementations } from '../../../shared/http/contract';
import { runIdempotently } from '../../../shared/http/idempotency';
import type { Principal } from '../../../shared/http/principal';
import { actOnIssue, type PersonCommand } from '../../../shared/usecases/issues/act-on-issue';
import { dispatchIssue } from '../../../shared/usecases/issues/dispatch-issue';
import { escalateIssue } from '../../../shared/usecases/issues/escalate-issue';
import { issueView } from '../../../shared/usecases/issues/issue-view';
import { raiseIssue } from '../../../shared/usecases/issues/raise-issue';
import { listVisibleIssues, readIssue, readIssueLedger } from '../../../shared/usecases/issues/read-issues';

/** A transition route answers the issue as it now is. */
const act = async (principal: Principal, issueId: string, command: PersonCommand) => ({
  body: issueView(await actOnIssue(principal, issueId, command), principal),
});

export const routes: Implementations<typeof issueRoutes> = {
  raiseIssue: async ({ principal, body, idempotency }) => ({
    body: await raiseIssue(principal, body, idempotency),
  }),
  listIssues: async ({ principal, query: { limit, cursor, ...filter } }) => ({
    body: await listVisibleIssues(principal, filter, { limit, cursor }),
  }),
  getIssue: async ({ principal, params }) => ({ body: await readIssue(principal, params.issueId) }),
  getIssueLedger: async ({ principal, params }) => ({
    body: await readIssueLedger(principal, params.issueId),
  }),
  resolveOnSpot: ({ principal, params, body }) =>
    act(principal, params.issueId, { type: 'resolve_on_spot', resolution: body.resolution }),
  escalateIssue: async ({ principal, params, body }) => ({
    body: issueView(await escalateIssue(principal, params.issueId, body), principal),
  }),
  dispatchIssue: async ({ principal, params, body }) => ({
    body: issueView(await dispatchIssue(principal, params.issueId, body), principal),
  }),
  reportProgress: ({ principal, params, body }) =>
    act(principal, params.issueId, { type: 'progress', note: body.note }),
  returnIssue: ({ principal, params, body }) => act(principal, params.issueId, { type: 'return', ...body }),
  requestConsultation: ({ principal, params, body }) =>
    act(principal, params.issueId, { type: 'request_consultation', note: body.note }),
  requestExtension: ({ principal, params, body }) =>
    act(principal, params.issueId, { type: 'request_extension', ...body }),
  approveExtension: ({ principal, params }) => act(principal, params.issueId, { type: 'approve_extension' }),
  resolveIssue: ({ principal, params, body }) =>
    act(principal, params.issueId, { type: 'resolve', resolution: body.resolution }),
  giveFeedback: ({ principal, params, body }) =>
    act(principal, params.issueId, { type: 'feedback', ...body }),
  markUnreasonable: ({ principal, params, body }) =>
    act(principal, params.issueId, { type: 'mark_unreasonable', reason: body.reason }),
};

export const handler = apiHandler(issueRoutes, routes, { idempotency: runIdempotently });
