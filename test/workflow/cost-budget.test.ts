import { beforeAll, describe, expect, it } from 'vitest';
import { dynamoClient } from '../../shared/db/client';
import { programDateOf, programDayStartMs } from '../../shared/domain/calendar';
import { localCallSite } from '../../tools/dynamo-usage/local-call-site';
import { meterDynamoDb } from '../../tools/dynamo-usage/meter';
import { settled } from '../../tools/dynamo-usage/settled';
import { type Usage, usageByScope, usageOf } from '../../tools/dynamo-usage/usage';
import { claimsFor } from '../../tools/lambda-events';
import { act, createEnterprise, departmentOf, raiseIssue } from '../integration/issue-fixtures';
import { createDepartment, operator } from '../integration/master-data-fixtures';
import { statesEntered } from './issue-driver';

/**
 * What one issue costs in DynamoDB, background included, asserted as budgets: today's measured
 * figures (docs/cost.md, `npm run bench:cost`). A change that adds calls or write units fails here;
 * one that removes them lowers the budget with it. Routes are called as the API calls them; the
 * stream delivery, the workflow's tasks and their DynamoDB calls run as in local mode, and each step
 * waits until they have settled, so every call counted belongs to the step.
 */
const meter = meterDynamoDb(dynamoClient, localCallSite);

type Budget = Pick<Usage, 'calls' | 'writeUnits'>;

/** Calls per request of the routes an issue goes through: exact, they do not depend on timing. */
const ROUTE_CALLS: Record<string, number> = {
  // The idempotency claim, the enterprise read, and the creating transaction, which also completes
  // the idempotency record (was a fourth call).
  'POST /issues': 3,
  // 4 in a warm process (npm run bench:cost) before case handling; the first escalation of a process
  // also makes one eventually consistent GetItem whose answer the process keeps. The office's numbered
  // dispatch order for every escalation (docs/case-handling.md) added 3: the day's order is read,
  // and claimed or joined. The escalation decides on the issue it read for authorization (it read it
  // twice before: 8).
  'POST /issues/{issueId}/escalate': 7,
  'POST /issues/{issueId}/resolution': 2,
  'POST /issues/{issueId}/feedback': 2,
};

// With the office's dispatch order line on escalation (see escalate above). The idempotency record
// completed inside the creating transaction costs 2 units (transactional) where its own UpdateItem
// cost 1. Issues in keys-only indexes of their own (IGSI1–IGSI6) instead of the whole-item GSI1–GSI6:
// an issue write costs index units only for the keys it moves. Workflow bookkeeping on its own item
// beside the issue, and the outbox as entry items delivered once each (docs/cost.md): a wait
// registration or an outbox clear costs 1 WCU, and no delivery is made twice. Before both: 21 calls /
// 219 WCU and 29 / 379; the indexes alone 97 and 151, the workflow items alone 169 and 265.
const HAPPY_PATH: Budget = { calls: 20, writeUnits: 93 };
const ONE_RE_REVIEW: Budget = { calls: 26, writeUnits: 141 };

/**
 * The writes of an office escalation that joins the day's dispatch order do not grow with the lines
 * the order holds already (each line is an item of its own: docs/case-handling.md). Before, the 2nd
 * escalation of a day cost 22 WCU and the 12th 30, growing about 0.45 WCU a line.
 */
const JOINING_ESCALATION_WCU = 22;

/** Waits out the end of the program day if it is less than `marginMs` away, so that work that follows falls on one day. */
const clearOfMidnight = async (marginMs: number) => {
  const untilNextDay = programDayStartMs(programDateOf(new Date())) + 86_400_000 - Date.now();
  if (untilNextDay < marginMs) await new Promise((resolve) => setTimeout(resolve, untilNextDay + 1_000));
};

const step = async (route: string, work: () => Promise<unknown>) => {
  await meter.within(route, work);
  await settled(meter);
};

/** Raise → escalate to a department → resolution → the verdicts given, in order. */
const issueAlong = async (verdicts: readonly string[]) => {
  const { id: enterpriseId } = await createEnterprise();
  const { id: unitId } = await createDepartment();
  const enterprise = claimsFor('enterprise', { enterpriseId });
  await settled(meter);
  meter.reset();
  let issueId = '';
  await step('POST /issues', async () => {
    issueId = (await raiseIssue(enterpriseId)).id;
  });
  await step('POST /issues/{issueId}/escalate', () => act(issueId, 'escalate', operator, { unitId }));
  for (const verdict of verdicts) {
    await step('POST /issues/{issueId}/resolution', () =>
      act(issueId, 'resolution', departmentOf(unitId), { resolution: '已协调解决' }),
    );
    await step('POST /issues/{issueId}/feedback', () => act(issueId, 'feedback', enterprise, { verdict }));
  }
  return { issueId, calls: meter.calls() };
};

const expectWithin = (usage: Usage, budget: Budget) => {
  expect(usage.calls).toBeGreaterThan(0);
  expect(usage.calls).toBeLessThanOrEqual(budget.calls);
  expect(usage.writeUnits).toBeLessThanOrEqual(budget.writeUnits);
  expect(usage.scans).toBe(0);
};

describe('cost per issue (DynamoDB calls and write units, background included)', () => {
  beforeAll(async () => {
    // Records of earlier files still on the stream are delivered before anything is counted.
    await settled(meter, 3_000);
  }, 60_000);

  it('the happy path: raise → escalate → resolution → satisfied', async () => {
    const { issueId, calls } = await issueAlong(['satisfied']);

    const byRoute = Object.fromEntries(usageByScope(calls));
    for (const [route, perRequest] of Object.entries(ROUTE_CALLS)) {
      expect({ route, calls: byRoute[route]?.calls }).toEqual({ route, calls: perRequest });
    }
    expectWithin(usageOf(calls), HAPPY_PATH);
    // Each outbox entry is delivered once: no delivery meets its entry marked delivered already.
    expect(byRoute['workflow/deliver-signals']).toMatchObject({ calls: 3, failed: 0 });
    expect(await statesEntered(issueId)).toHaveLength(7);
  });

  it('one re-review: … unsatisfied → resolution → satisfied', async () => {
    const { issueId, calls } = await issueAlong(['unsatisfied', 'satisfied']);

    expectWithin(usageOf(calls), ONE_RE_REVIEW);
    expect(Object.fromEntries(usageByScope(calls))['workflow/deliver-signals']).toMatchObject({
      calls: 5,
      failed: 0,
    });
    expect(await statesEntered(issueId)).toHaveLength(11);
  });

  it("an office escalation joining the day's dispatch order costs as much at the 12th line as at the 2nd", async () => {
    const { id: enterpriseId } = await createEnterprise();
    const { id: unitId } = await createDepartment();
    const issues = [];
    for (let i = 0; i < 12; i++) issues.push((await raiseIssue(enterpriseId)).id);
    await clearOfMidnight(60_000);
    const escalations: { orderId: string; writeUnits: number; calls: number }[] = [];
    for (const [i, issueId] of issues.entries()) {
      // Only the escalation's own calls: the workflow each one starts is counted under its functions.
      const label = `escalation ${i + 1}`;
      const reply = await meter.within(label, () => act(issueId, 'escalate', operator, { unitId }));
      const usage = usageOf(meter.calls().filter((call) => call.scope === label));
      const { dispatchOrderId } = reply.assignment as { dispatchOrderId: string };
      escalations.push({ orderId: dispatchOrderId, writeUnits: usage.writeUnits, calls: usage.calls });
    }
    await settled(meter);

    const [second, twelfth] = [escalations[1], escalations[11]];
    expect(twelfth?.orderId).toBe(second?.orderId);
    expect(second?.writeUnits).toBeLessThanOrEqual(JOINING_ESCALATION_WCU);
    expect(twelfth?.writeUnits).toBe(second?.writeUnits);
    expect(twelfth?.calls).toBe(second?.calls);
  }, 120_000);
});
