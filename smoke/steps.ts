import { randomUUID } from 'node:crypto';
import { type CalendarYear, createWorkingCalendar } from '../shared/domain/calendar';
import { randomCreditCode } from '../test/support/credit-codes';
import type { Api, ApiResponse } from './api-client';
import type { SmokeTarget } from './target';

export interface SmokeStep {
  name: string;
  /** What came about, for the printout; 'skipped' when the target does not allow the step. */
  run(): Promise<string>;
  skipReason?: string;
}

interface IssueView {
  id: string;
  status: string;
  assignment?: { unitId: string; dueDate: string; supervisionLevel: number; card?: string };
  workflow?: { startPending: boolean; failed: boolean };
}

interface ExecutionView {
  status: string;
  states: { state: string; exitedAt?: string }[];
}

/** Background work (stream delivery, the execution's next step) is given this long to show. */
const SETTLE_MS = 20_000;

const expectStatus = <T>(response: ApiResponse<T>, expected: number, what: string): T => {
  if (response.status !== expected) {
    throw new Error(`${what} answered ${response.status}, not ${expected}: ${JSON.stringify(response.body)}`);
  }
  return response.body;
};

/** Asks until `check` answers something, or says what it last saw. */
const eventually = async <T>(what: string, check: () => Promise<T | undefined>, lastSeen: () => string) => {
  const deadline = Date.now() + SETTLE_MS;
  for (;;) {
    const result = await check();
    if (result !== undefined) return result;
    if (Date.now() > deadline)
      throw new Error(`${what} did not come about within ${SETTLE_MS / 1000} s; last seen: ${lastSeen()}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
};

/** The smoke's steps, in order; each uses what the ones before it made. */
export const smokeSteps = (api: Api, target: SmokeTarget): SmokeStep[] => {
  const suffix = randomUUID().slice(0, 8).toUpperCase();
  let operator = '';
  let unitId = '';
  let enterpriseId = '';
  let issueId = '';
  let dueDate = '';
  let seen: unknown;

  const issue = async () => {
    const view = expectStatus(
      await api<IssueView>('GET', `/issues/${issueId}`, { token: operator }),
      200,
      'GET /issues/{id}',
    );
    seen = view;
    return view;
  };
  const execution = async () => {
    const { status, body } = await api<ExecutionView>('GET', `/_local/executions/${issueId}`);
    seen = status === 200 ? body : `GET /_local/executions/${issueId} → ${status}`;
    return status === 200 ? body : undefined;
  };
  const act = async (role: 'department' | 'enterprise', action: string, body: unknown) => {
    const token = await target.token(role, role === 'department' ? { unitId } : { enterpriseId });
    return expectStatus(
      await api<IssueView>('POST', `/issues/${issueId}/${action}`, { token, body }),
      200,
      `POST /issues/{id}/${action}`,
    );
  };
  const created = async (path: string, body: unknown, headers: Record<string, string> = {}) =>
    expectStatus(
      await api<{ id: string }>('POST', path, { token: operator, body, headers }),
      201,
      `POST ${path}`,
    ).id;

  return [
    {
      name: 'health',
      run: async () => {
        expectStatus(await api('GET', '/health'), 200, 'GET /health');
        if (target.kind === 'deployed') return 'GET /health 200';
        const local = await api<{ status: string; components: { component: string; status: string }[] }>(
          'GET',
          '/_local/health',
        );
        const report = expectStatus(local, 200, 'GET /_local/health');
        return `GET /health 200; local components: ${report.components.map((c) => `${c.component} ${c.status}`).join(', ')}`;
      },
    },
    {
      name: 'master data',
      run: async () => {
        operator = await target.token('operator');
        if (target.given) {
          ({ unitId, enterpriseId } = target.given);
          return `unit ${unitId}, enterprise ${enterpriseId} (given)`;
        }
        unitId = await created('/units', {
          code: `SMOKE-D-${suffix}`,
          name: '冒烟测试局',
          kind: 'department',
          category: 'class1',
        });
        const townUnitId = await created('/units', {
          code: `SMOKE-T-${suffix}`,
          name: '冒烟测试镇',
          kind: 'town',
        });
        const gridId = await created('/grids', {
          code: `SMOKE-G-${suffix}`,
          name: '冒烟测试网格',
          townUnitId,
        });
        enterpriseId = await created(
          '/enterprises',
          {
            creditCode: randomCreditCode(),
            name: `冒烟测试企业${suffix}`,
            industry: 'warp_knitting',
            townUnitId,
            gridId,
            aboveScale: true,
          },
          { 'Idempotency-Key': `smoke-enterprise-${suffix}` },
        );
        return `department ${unitId}, town ${townUnitId}, grid ${gridId}, enterprise ${enterpriseId}`;
      },
    },
    {
      name: 'raise',
      run: async () => {
        issueId = await created(
          '/issues',
          {
            enterpriseId,
            category: 'land',
            title: '冒烟测试：用地指标',
            description: '冒烟测试问题，走完整个流程',
          },
          { 'Idempotency-Key': `smoke-issue-${suffix}` },
        );
        return `issue ${issueId} ${(await issue()).status}`;
      },
    },
    {
      name: 'escalate',
      run: async () => {
        const view = expectStatus(
          await api<IssueView>('POST', `/issues/${issueId}/escalate`, {
            token: operator,
            body: { unitId, dueWorkingDays: 1 },
          }),
          200,
          'POST /issues/{id}/escalate',
        );
        dueDate = view.assignment?.dueDate ?? '';
        return `${view.status} to ${view.assignment?.unitId}, due ${dueDate}`;
      },
    },
    {
      name: 'workflow started',
      run: async () => {
        await eventually(
          'the workflow start',
          async () => ((await issue()).workflow?.startPending === false ? true : undefined),
          () => JSON.stringify(seen),
        );
        if (target.kind === 'deployed') return 'start delivered (workflow.startPending false)';
        const waiting = await eventually(
          'the execution waiting for the resolution',
          async () => {
            const found = await execution();
            const current = found?.states.at(-1);
            return found?.status === 'RUNNING' && current?.state === 'Await resolution' && !current.exitedAt
              ? found
              : undefined;
          },
          () => JSON.stringify(seen),
        );
        return `execution ${issueId} ${waiting.status}, in "Await resolution"`;
      },
    },
    {
      name: 'overdue → supervised',
      skipReason:
        'the daily sweep for a future date would supervise real issues; set SMOKE_ALLOW_SWEEP=true on a test stage',
      run: async () => {
        if (!target.mayRunSweep) return 'skipped';
        const years = expectStatus(
          await api<{ items: CalendarYear[] }>('GET', '/calendar/years', { token: operator }),
          200,
          'GET /calendar/years',
        );
        const calendar = createWorkingCalendar(
          years.items.map(({ year, notice, holidays }) => ({ year, notice, holidays })),
        );
        const asOf = calendar.addWorkingDays(dueDate, 1);
        const admin = await target.token('admin');
        const supervised = await eventually(
          `supervision after the sweep as of ${asOf}`,
          async () => {
            const run = expectStatus(
              await api<{ failures: unknown[] }>('POST', '/jobs/daily-sweep/runs', {
                token: admin,
                body: { asOf },
              }),
              200,
              'POST /jobs/daily-sweep/runs',
            );
            if (run.failures.length > 0)
              throw new Error(`the sweep reported failures: ${JSON.stringify(run.failures)}`);
            const view = await issue();
            return (view.assignment?.supervisionLevel ?? 0) >= 1 ? view : undefined;
          },
          () => JSON.stringify(seen),
        );
        return `sweep as of ${asOf}: supervision level ${supervised.assignment?.supervisionLevel}, ${supervised.assignment?.card} card`;
      },
    },
    {
      name: 'resolved',
      run: async () => (await act('department', 'resolution', { resolution: '冒烟测试：已协调解决' })).status,
    },
    {
      name: 'verdict',
      run: async () =>
        `satisfied → ${(await act('enterprise', 'feedback', { verdict: 'satisfied' })).status}`,
    },
    {
      name: 'closed',
      run: async () => {
        const { status } = await issue();
        if (status !== 'closed') throw new Error(`the issue is ${status}, not closed`);
        const ledger = expectStatus(
          await api<{ items: unknown[] }>('GET', `/issues/${issueId}/ledger`, { token: operator }),
          200,
          'GET /issues/{id}/ledger',
        );
        if (target.kind === 'deployed') return `closed; ${ledger.items.length} ledger entries`;
        const ended = await eventually(
          'the execution’s end',
          async () => {
            const found = await execution();
            return found && found.status !== 'RUNNING' ? found : undefined;
          },
          () => JSON.stringify(seen),
        );
        if (ended.status !== 'SUCCEEDED') throw new Error(`the execution ended ${ended.status}`);
        return `closed; ${ledger.items.length} ledger entries; execution SUCCEEDED`;
      },
    },
  ];
};
