import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { handler as reports } from '../../functions/api/reports/handler';
import { programDateOf } from '../../shared/domain/calendar';
import type { LedgerEntry } from '../../shared/domain/ledger/hash-chain';
import { readLedger } from '../../shared/repositories/issues';
import { readLedgerPeriod } from '../../shared/repositories/ledger-period';
import { applyIssueCommand } from '../../shared/usecases/issues/apply-issue-command';
import { claimsFor, invoke } from '../../tools/lambda-events';
import { act, createEnterprise, departmentOf, raiseIssue } from './issue-fixtures';
import { createDepartment, operator } from './master-data-fixtures';

// Program days no other test writes on (the tables are shared by every test file of the run).
const DAY_1 = '2025-07-14';
const DAY_2 = '2025-07-15';
const onDay = (date: string, time = '10:00') => vi.setSystemTime(new Date(`${date}T${time}:00+08:00`));
const leader = claimsFor('leader');

const stats = (from: string, to: string, claims = leader) =>
  invoke(reports, { routeKey: 'GET /stats', query: { from, to }, claims });

/** The issue figures of `/stats`, counted straight from ledger entries (what an auditor would do). */
const figuresFromLedger = (entries: readonly LedgerEntry[]) => {
  const count = (predicate: (entry: LedgerEntry) => boolean) => entries.filter(predicate).length;
  const verdict = (value: string) => count((entry) => entry.data.verdict === value);
  const closedAs = (closure: string) =>
    count((entry) => entry.toStatus === 'closed' && (entry.data.closure ?? entry.data.verdict) === closure);
  const satisfied = verdict('satisfied');
  const basically = verdict('basically_satisfied');
  const verdicts = satisfied + basically + verdict('unsatisfied');
  const duplicates = count((entry) => entry.action === 'closed_as_duplicate');
  const raisedBy = (key: (entry: LedgerEntry) => string) => {
    const counts = new Map<string, number>();
    for (const entry of entries.filter((candidate) => candidate.action === 'raised')) {
      counts.set(key(entry), (counts.get(key(entry)) ?? 0) + 1);
    }
    return counts;
  };
  const unhappy = (reason: string) =>
    count((entry) => entry.data.verdict === 'unsatisfied' && entry.data.reason === reason);
  return {
    // A duplicate counts once: as the issue it duplicates.
    raised: count((entry) => entry.action === 'raised') - duplicates,
    duplicates,
    resolved: count((entry) => entry.action === 'resolved' || entry.action === 'resolved_on_spot'),
    closed: count(
      (entry) =>
        entry.toStatus === 'closed' &&
        entry.fromStatus !== 'closed' &&
        entry.action !== 'closed_as_duplicate',
    ),
    closedByClosure: {
      satisfied: closedAs('satisfied'),
      basicallySatisfied: closedAs('basically_satisfied'),
      noResponse: closedAs('no_response'),
    },
    verdicts: {
      satisfied,
      basicallySatisfied: basically,
      unsatisfied: verdict('unsatisfied'),
      unsatisfiedByReason: { notResolved: unhappy('not_resolved'), notUnderstood: unhappy('not_understood') },
    },
    satisfaction: {
      rate: verdicts > 0 ? Math.round(((satisfied + basically) / verdicts) * 10_000) / 10_000 : null,
      numerator: satisfied + basically,
      denominator: verdicts,
    },
    // As raised (the `raised` entries' category and type): a later duplicate stays counted.
    byCategory: [...raisedBy((entry) => String(entry.data.category))]
      .map(([category, raised]) => ({ category, raised }))
      .sort((a, b) => b.raised - a.raised || a.category.localeCompare(b.category)),
    byType: {
      problem: raisedBy((entry) => String(entry.data.type ?? 'problem')).get('problem') ?? 0,
      suggestion: raisedBy((entry) => String(entry.data.type ?? 'problem')).get('suggestion') ?? 0,
    },
  };
};

describe('GET /stats against DynamoDB Local', () => {
  const issueIds: string[] = [];

  beforeAll(async () => {
    // Master data on the real clock; the issues' lives on two program days of their own.
    const enterprise = await createEnterprise();
    const unitId = (await createDepartment()).id;
    const department = departmentOf(unitId);
    const owner = claimsFor('enterprise', { enterpriseId: enterprise.id });
    vi.useFakeTimers({ toFake: ['Date'] });
    const raise = async () => {
      const { id } = await raiseIssue(enterprise.id);
      issueIds.push(id);
      return id;
    };

    onDay(DAY_1, '09:00');
    // 1. solved on the spot, satisfied.
    const onSpot = await raise();
    await act(onSpot, 'resolve-on-spot', operator, { resolution: '现场协调解决' });
    await act(onSpot, 'feedback', owner, { verdict: 'satisfied' });
    // 2. escalated, resolved, basically satisfied.
    const basic = await raise();
    await act(basic, 'escalate', operator, { unitId, dueWorkingDays: 5 });
    await act(basic, 'resolution', department, { resolution: '已办结' });
    await act(basic, 'feedback', owner, { verdict: 'basically_satisfied' });
    // 3. resolved, unsatisfied (re-review), resolved again the next day, satisfied.
    const reworked = await raise();
    await act(reworked, 'escalate', operator, { unitId, dueWorkingDays: 5 });
    await act(reworked, 'resolution', department, { resolution: '初步办理' });
    await act(reworked, 'feedback', owner, { verdict: 'unsatisfied', comment: '未解决' });
    // 4. resolved, then no verdict: the sweep closes it as no_response (the use case it calls).
    const silent = await raise();
    await act(silent, 'escalate', operator, { unitId, dueWorkingDays: 5 });
    await act(silent, 'resolution', department, { resolution: '已答复' });
    // 5. returned by the unit, waiting for dispatch.
    const returned = await raise();
    await act(returned, 'escalate', operator, { unitId, dueWorkingDays: 5 });
    await act(returned, 'return', department, { reasonCode: 'not_our_remit', note: '不属本部门' });
    await act(returned, 'return-decision', operator, { accept: true, reason: '同意改派' });

    onDay(DAY_2, '15:30');
    await act(reworked, 'resolution', department, { resolution: '再次办理' });
    await act(reworked, 'feedback', owner, { verdict: 'satisfied' });
    await applyIssueCommand({
      issueId: silent,
      actor: { sub: 'daily-sweep', role: 'system' },
      command: { type: 'close_no_response' },
    });
    // 6. raised late on day 2 and still open.
    await raise();
    vi.useRealTimers();
  });

  afterEach(() => vi.useRealTimers());

  it.each([
    [DAY_1, DAY_1],
    [DAY_2, DAY_2],
    [DAY_1, DAY_2],
  ])(
    'from %s to %s: the issue figures equal a recount of the ledger entries of those days',
    async (from, to) => {
      const entries = await readLedgerPeriod({ from, to }, { maxEntries: 10_000 });

      const { status, body } = await stats(from, to);

      expect(status).toBe(200);
      expect((body as { issues: unknown }).issues).toEqual(figuresFromLedger(entries));
    },
  );

  it('counts what the scripted lifecycle did, and the recount covers every entry of those issues', async () => {
    const ledgers = (await Promise.all(issueIds.map(readLedger))).flat();
    const inPeriod = await readLedgerPeriod({ from: DAY_1, to: DAY_2 }, { maxEntries: 10_000 });
    const seen = new Set(inPeriod.map((entry) => `${entry.issueId}#${entry.seq}`));
    expect(ledgers.every((entry) => seen.has(`${entry.issueId}#${entry.seq}`))).toBe(true);
    expect(ledgers.every((entry) => [DAY_1, DAY_2].includes(programDateOf(entry.at)))).toBe(true);

    const { body } = await stats(DAY_1, DAY_2);

    expect(body).toMatchObject({
      from: DAY_1,
      to: DAY_2,
      issues: {
        raised: 6,
        resolved: 5,
        closed: 4,
        closedByClosure: { satisfied: 2, basicallySatisfied: 1, noResponse: 1 },
        verdicts: { satisfied: 2, basicallySatisfied: 1, unsatisfied: 1 },
        satisfaction: { rate: 0.75, numerator: 3, denominator: 4 },
      },
    });
  });

  it('puts a verdict and a close-out on the program day they happened (day 1 alone)', async () => {
    const { body } = await stats(DAY_1, DAY_1);

    expect(body).toMatchObject({
      issues: { raised: 5, resolved: 4, closed: 2, verdicts: { unsatisfied: 1, satisfied: 1 } },
    });
  });

  it('answers every rate with its numerator and denominator, null when nothing was counted', async () => {
    const { body } = await stats('2025-07-01', '2025-07-02');

    expect(body).toMatchObject({
      issues: { raised: 0, satisfaction: { rate: null, numerator: 0, denominator: 0 } },
      serviceSatisfaction: { rate: null, numerator: 0, denominator: 0 },
      fitSatisfaction: { rate: null, numerator: 0, denominator: 0 },
    });
  });

  it.each([
    [{ from: DAY_2, to: DAY_1 }, 'query.to'],
    [{ from: '2023-01-01', to: '2026-12-31' }, 'query.to'],
    [{ from: '2025-02-29', to: DAY_1 }, 'query.from'],
  ])('refuses the period %o with 400 naming %s', async (query, path) => {
    const { status, body } = await stats(query.from, query.to);

    expect(status).toBe(400);
    expect(body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path }] });
  });

  it('is for leaders, the service centre and admins only', async () => {
    expect((await stats(DAY_1, DAY_2, claimsFor('department', { unitId: 'U1' }))).status).toBe(403);
    expect((await stats(DAY_1, DAY_2, claimsFor('enterprise', { enterpriseId: 'E1' }))).status).toBe(403);
    expect((await stats(DAY_1, DAY_2, operator)).status).toBe(200);
  });
});
