import type { IssueCommand } from '../../../../shared/domain/issues/commands';
import type { Issue } from '../../../../shared/domain/issues/issue';
import { GENESIS_HASH } from '../../../../shared/domain/ledger/hash-chain';

export const openIssue = (overrides: Partial<Issue> = {}): Issue => ({
  id: 'I1',
  enterpriseId: 'E1',
  gridId: 'G1',
  townUnitId: 'T1',
  category: 'land',
  title: 'Workers need housing',
  description: '800 workers need dormitories',
  source: 'visit',
  raisedBy: { sub: 'cadre-1', role: 'cadre' },
  status: 'open',
  reReviewCount: 0,
  ledgerHead: { seq: 1, hash: GENESIS_HASH },
  version: 1,
  createdAt: '2026-03-02T01:00:00.000Z',
  updatedAt: '2026-03-02T01:00:00.000Z',
  ...overrides,
});

/** The commands a random walk through the lifecycle picks from (those its state refuses are skipped). */
export const WALK_COMMANDS: readonly IssueCommand[] = [
  { type: 'escalate', unitId: 'U1', dueWorkingDays: 5, executionArn: 'arn:exec:I1' },
  { type: 'escalate', executionArn: 'arn:exec:I1' },
  { type: 'dispatch', unitId: 'U2', dueWorkingDays: 3 },
  { type: 'return', reasonCode: 'not_our_remit', note: '不属本部门职责' },
  { type: 'decide_return', accept: true, reason: '同意改派' },
  { type: 'decide_return', accept: false, reason: '请继续办理' },
  { type: 'request_consultation', note: '需要会商' },
  {
    type: 'decide',
    consultationId: 'C1',
    dispatchOrderId: 'D1',
    leadUnitId: 'U3',
    coUnitIds: [],
    dueWorkingDays: 5,
    note: '牵头办理',
  },
  { type: 'resolve', resolution: '已办结' },
  { type: 'resolve_on_spot', resolution: '当场解决' },
  { type: 'feedback', verdict: 'satisfied' },
  { type: 'feedback', verdict: 'basically_satisfied' },
  { type: 'feedback', verdict: 'unsatisfied' },
  { type: 'supervise', workingDaysOverdue: 4 },
  { type: 'close_no_response' },
  { type: 'mark_due_soon' },
];
