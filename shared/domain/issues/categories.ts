import type { FieldProblem } from '../errors';
import type { Issue } from './issue';

/**
 * The problem taxonomy (问题分类): each category names the department that usually handles it. The
 * office maintains it (PUT /categories/{code}); the default set below is what a new program starts
 * from (the demo seed loads it). Raising an issue accepts any well-formed category code, listed or not:
 * clients predate the taxonomy, and an unlisted code only means no unit is suggested for it.
 */
export interface IssueCategory {
  code: string;
  name: string;
  /** The department suggested at escalation and dispatch when the office names no unit. */
  defaultUnitId: string;
}

/** A category code: lower-case letters, digits, `_` and `-` (URL-safe, stable in filters and figures). */
export const CATEGORY_CODE = /^[a-z0-9][a-z0-9_-]{0,39}$/;

/**
 * The default taxonomy: the kinds of demand the program office sees most (the seed's 要素保障, 审批服务,
 * 融资需求, 用工招聘, 政策兑现, 基础设施, 安全环保), with `land`, `energy`, `licence` and `housing`
 * kept as the codes earlier clients and tests already send.
 */
export const DEFAULT_CATEGORIES: readonly { code: string; name: string }[] = [
  { code: 'land', name: '土地和厂房（要素保障）' },
  { code: 'energy', name: '用电用气用水（要素保障）' },
  { code: 'financing', name: '融资需求' },
  { code: 'labour', name: '用工招聘' },
  { code: 'approvals', name: '审批服务' },
  { code: 'licence', name: '证照办理' },
  { code: 'policy_payments', name: '政策兑现' },
  { code: 'infrastructure', name: '基础设施' },
  { code: 'housing', name: '人才住房' },
  { code: 'environment', name: '安全环保' },
  { code: 'other', name: '其他' },
];

/** A category's default unit must be a department: towns take issues by assignment, never by default. */
export const defaultUnitProblems = (unit: { kind: string } | undefined): FieldProblem[] =>
  unit && unit.kind !== 'department'
    ? [{ path: 'body.defaultUnitId', message: 'Must be a department (a town is never a default unit)' }]
    : [];

/** Whether the office is still to name the handling unit: before escalation, or awaiting dispatch. */
export const isChoosingAUnit = (issue: Pick<Issue, 'status'>): boolean =>
  issue.status === 'open' || issue.status === 'awaiting_dispatch';

/**
 * The unit suggested for an issue whose handling unit is still to be chosen: its category's default
 * unit. Only a suggestion: escalation without a unit still waits for the office's dispatch.
 */
export const suggestedUnitOf = (
  issue: Pick<Issue, 'status'>,
  category: Pick<IssueCategory, 'defaultUnitId'> | undefined,
): string | undefined => (isChoosingAUnit(issue) ? category?.defaultUnitId : undefined);
