import * as z from 'zod/mini';
import { ISSUE_SOURCES } from '../domain/issues/issue';
import { id, text } from './common';

/**
 * API.md's IssueInput: what raising an issue takes, by POST /issues or within a visit (POST /visits).
 * Its own module so that visits do not build every issue route's schemas at import.
 */
export const raiseIssueBody = z.strictObject({
  enterpriseId: id,
  category: text(50),
  title: text(200),
  description: text(4000),
  source: z.optional(z.enum(ISSUE_SOURCES)),
});
export type RaiseIssueBody = z.output<typeof raiseIssueBody>;
