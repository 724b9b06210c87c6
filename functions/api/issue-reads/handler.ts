import { issueReadRoutes } from '../../../shared/contract/issue-reads';
import { apiHandler } from '../../../shared/http/api-handler';
import type { Implementations } from '../../../shared/http/contract';
import {
  listVisibleIssues,
  readIssue,
  readIssueLedger,
  readIssueTimeline,
} from '../../../shared/usecases/issues/read-issues';

export const routes: Implementations<typeof issueReadRoutes> = {
  listIssues: async ({ principal, query: { limit, cursor, ...filter } }) => ({
    body: await listVisibleIssues(principal, filter, { limit, cursor }),
  }),
  getIssue: async ({ principal, params }) => ({ body: await readIssue(principal, params.issueId) }),
  getIssueLedger: async ({ principal, params }) => ({
    body: await readIssueLedger(principal, params.issueId),
  }),
  getIssueTimeline: async ({ principal, params }) => ({
    body: await readIssueTimeline(principal, params.issueId),
  }),
};

export const handler = apiHandler(issueReadRoutes, routes);
