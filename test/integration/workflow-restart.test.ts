import { describe, expect, it } from 'vitest';
import { handler as operators } from '../../functions/api/jobs/handler';
import { applyIssueCommand } from '../../shared/usecases/issues/apply-issue-command';
import { claimsFor, invoke } from '../../tools/lambda-events';
import { act, createEnterprise, departmentOf, raiseIssue } from './issue-fixtures';
import { createDepartment, operator } from './master-data-fixtures';

const restart = (issueId: string, claims = operator) =>
  invoke(operators, {
    routeKey: 'POST /issues/{issueId}/workflow/restart',
    pathParameters: { issueId },
    claims,
  });

describe('POST /issues/{issueId}/workflow/restart', () => {
  it('puts a failed issue on a new execution once; refuses a workflow that has not failed and a unit', async () => {
    const enterprise = await createEnterprise();
    const unitId = (await createDepartment()).id;
    const { id } = await raiseIssue(enterprise.id);
    const escalated = await act(id, 'escalate', operator, { unitId, dueWorkingDays: 3 });

    expect(await restart(id)).toMatchObject({ status: 409, body: { code: 'INVALID_TRANSITION' } });
    await applyIssueCommand({
      issueId: id,
      actor: { sub: 'workflow', role: 'system' },
      command: { type: 'record_failure', error: 'Lambda.Unknown', cause: 'boom' },
    });
    expect(await restart(id, departmentOf(unitId))).toMatchObject({ status: 403 });

    const repaired = await restart(id);
    expect(repaired.status).toBe(200);
    expect(repaired.body).toMatchObject({
      status: 'assigned',
      workflow: { startPending: true, failed: false },
      executionArn: expect.stringMatching(new RegExp(`:${id}-r1$`)),
    });
    expect(repaired.body?.executionArn).not.toBe(escalated.executionArn);
    expect(await restart(id)).toMatchObject({ status: 409, body: { code: 'INVALID_TRANSITION' } });
    expect(await restart(id, claimsFor('enterprise', { enterpriseId: enterprise.id }))).toMatchObject({
      status: 403,
    });
  });
});
