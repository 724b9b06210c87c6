import { caseRoutes } from '../../../shared/contract/case-handling';
import type { Issue } from '../../../shared/domain/issues/issue';
import { apiHandler } from '../../../shared/http/api-handler';
import type { Implementations } from '../../../shared/http/contract';
import type { Principal } from '../../../shared/http/principal';
import { actOnIssue, type PersonCommand } from '../../../shared/usecases/issues/act-on-issue';
import { decideReturn, markDuplicate, reportCoPart } from '../../../shared/usecases/issues/case-actions';
import { dispatchIssue } from '../../../shared/usecases/issues/dispatch-issue';
import { escalateIssue } from '../../../shared/usecases/issues/escalate-issue';
import { issueView } from '../../../shared/usecases/issues/issue-view';

/** A case-handling route answers the issue as it now is, as the caller may see it. */
const answer = async (principal: Principal, decided: Promise<Issue>) => ({
  body: issueView(await decided, principal),
});
const act = (principal: Principal, issueId: string, command: PersonCommand) =>
  answer(principal, actOnIssue(principal, issueId, command));

export const routes: Implementations<typeof caseRoutes> = {
  escalateIssue: ({ principal, params, body }) =>
    answer(principal, escalateIssue(principal, params.issueId, body)),
  dispatchIssue: ({ principal, params, body }) =>
    answer(principal, dispatchIssue(principal, params.issueId, body)),
  signFor: ({ principal, params }) => act(principal, params.issueId, { type: 'sign_for' }),
  reportCoPart: ({ principal, params, body }) =>
    answer(principal, reportCoPart(principal, params.issueId, body.text)),
  decideReturn: ({ principal, params, body }) =>
    answer(principal, decideReturn(principal, params.issueId, body)),
  recordFollowUp: ({ principal, params, body }) =>
    act(principal, params.issueId, { type: 'follow_up', ...body }),
  closeNoResponse: ({ principal, params }) => act(principal, params.issueId, { type: 'close_unreached' }),
  markDuplicate: ({ principal, params, body }) =>
    answer(principal, markDuplicate(principal, params.issueId, body.issueId)),
};

export const handler = apiHandler(caseRoutes, routes);
