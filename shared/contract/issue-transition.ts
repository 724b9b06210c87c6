import * as z from 'zod/mini';
import { type IssueAction, rolesFor } from '../domain/issues/permissions';
import { defineRoute } from '../http/contract';
import { MAX_CO_UNITS } from './co-units';
import { id, text } from './common';
import { distinctList } from './distinct-list';
import { dueWorkingDays, issueRecord } from './issue-record';

/**
 * What the issue routes share, wherever their function is (issues, cases): each function's bundle
 * carries only its own routes' schemas.
 */
export const note = text(2000);

export const issueParams = z.strictObject({ issueId: id });

/** Co-handling units (协办) named with an assignment, and the working days their parts get. */
export const coUnitFields = {
  coUnitIds: z.optional(distinctList(id, MAX_CO_UNITS, 'Co-units')),
  coDueWorkingDays: z.optional(dueWorkingDays),
};
export const leadIsNoCoUnit = z.refine<{ unitId?: string; coUnitIds?: string[] }>(
  (body) => !body.unitId || !(body.coUnitIds ?? []).includes(body.unitId),
  { path: ['coUnitIds'], message: 'The lead unit is not also a co-unit' },
);
export const coUnitsNeedLead = z.refine<{ unitId?: string; coUnitIds?: string[]; coDueWorkingDays?: number }>(
  (body) =>
    body.unitId !== undefined || (body.coUnitIds === undefined && body.coDueWorkingDays === undefined),
  { path: ['coUnitIds'], message: 'Co-units are named with the lead unit' },
);

export const reasonOnlyWhenUnhappy = z.refine<{ verdict?: string; reason?: string }>(
  (body) => body.reason === undefined || body.verdict === 'unsatisfied',
  { path: ['reason'], message: 'A reason goes with an unsatisfied verdict only' },
);
/** A change to an existing issue: answers the issue as it now is. */
export const transition = <B extends z.core.$ZodType | undefined>(
  action: IssueAction,
  path: string,
  summary: string,
  body: B,
  area = 'issues',
) =>
  defineRoute({
    method: 'POST',
    path: `/issues/{issueId}/${path}`,
    area,
    summary,
    roles: rolesFor(action),
    params: issueParams,
    body,
    response: issueRecord,
  });
