import * as z from 'zod/mini';
import { ISSUE_SOURCES, ISSUE_TYPES } from '../domain/issues/issue';
import { id, text } from './common';

/**
 * API.md's IssueInput: what raising an issue takes, by POST /issues or within a visit (POST /visits).
 * Its own module so that visits do not build every issue route's schemas at import.
 */
export const raiseIssueBody = z.strictObject({
  enterpriseId: id,
  /** A code of the taxonomy (GET /categories), or any other well-formed code: see docs/case-handling.md. */
  category: text(50),
  /** 问题 or 建议; `problem` when absent. */
  type: z.optional(z.enum(ISSUE_TYPES)),
  title: text(200),
  description: text(4000),
  source: z.optional(z.enum(ISSUE_SOURCES)),
});
export type RaiseIssueBody = z.output<typeof raiseIssueBody>;
