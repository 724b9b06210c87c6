import type { Verdict } from '../../../shared/domain/issues/issue';

/** One step of an issue's scripted history, taken by the role that takes it in the program. */
export type IssueStep =
  | { do: 'escalate'; toUnit: boolean; dueWorkingDays?: number }
  | { do: 'dispatch' }
  | { do: 'return' }
  /** The office accepts the unit's return request (退单): back to awaiting dispatch. */
  | { do: 'accept-return' }
  | { do: 'request-consultation' }
  | { do: 'resolution' }
  | { do: 'resolve-on-spot' }
  | { do: 'feedback'; verdict: Verdict }
  /** Decided at the demo consultation: a dispatch order, and the issue is assigned again. */
  | { do: 'consultation-decision' };

const escalate: IssueStep = { do: 'escalate', toUnit: true };
const resolve: IssueStep = { do: 'resolution' };

/**
 * The histories demo issues are given, so that every status, closure and branch of the lifecycle is
 * there to look at. Overdue ones are assigned for one working day and made overdue by a daily sweep
 * run for a later date.
 */
export const ISSUE_PATHS: Record<string, readonly IssueStep[]> = {
  open: [],
  'awaiting dispatch': [{ do: 'escalate', toUnit: false }],
  'dispatched by the office': [{ do: 'escalate', toUnit: false }, { do: 'dispatch' }],
  returned: [escalate, { do: 'return' }, { do: 'accept-return' }],
  assigned: [escalate],
  overdue: [{ do: 'escalate', toUnit: true, dueWorkingDays: 1 }],
  'awaiting consultation': [escalate, { do: 'request-consultation' }],
  'decided at consultation': [escalate, { do: 'request-consultation' }, { do: 'consultation-decision' }],
  'awaiting feedback': [escalate, resolve],
  'closed satisfied': [escalate, resolve, { do: 'feedback', verdict: 'satisfied' }],
  'closed basically satisfied': [escalate, resolve, { do: 'feedback', verdict: 'basically_satisfied' }],
  're-reviewed, then closed': [
    escalate,
    resolve,
    { do: 'feedback', verdict: 'unsatisfied' },
    resolve,
    { do: 'feedback', verdict: 'satisfied' },
  ],
  'resolved on the spot': [{ do: 'resolve-on-spot' }],
  'resolved on the spot, closed': [{ do: 'resolve-on-spot' }, { do: 'feedback', verdict: 'satisfied' }],
};

/** The demo issues' categories: codes of the default taxonomy, with the words their titles use. */
export const ISSUE_CATEGORIES = [
  { code: 'land', words: '要素保障' },
  { code: 'approvals', words: '审批服务' },
  { code: 'financing', words: '融资需求' },
  { code: 'labour', words: '用工招聘' },
  { code: 'policy_payments', words: '政策兑现' },
  { code: 'infrastructure', words: '基础设施' },
  { code: 'environment', words: '安全环保' },
] as const;
