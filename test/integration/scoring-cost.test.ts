import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { tableNames } from '../../shared/config';
import { documentClient } from '../../shared/db/client';
import { builtInCalendar } from '../../shared/domain/calendar';
import type { CounterDelta, IssueCommand } from '../../shared/domain/issues/commands';
import type { Issue } from '../../shared/domain/issues/issue';
import { decide } from '../../shared/domain/issues/lifecycle';
import { DEFAULT_ISSUE_POLICY } from '../../shared/domain/issues/policy';
import { GENESIS_HASH } from '../../shared/domain/ledger/hash-chain';
import { counterUpdates } from '../../shared/repositories/issues';
import { runJobNow } from '../../shared/usecases/jobs/job-runners';
import {
  createRankedUnit,
  type Group,
  issueReads,
  OPERATOR,
  readsOnly,
  recordingReads,
} from './scoring-fixtures';

/**
 * What the quarterly job costs does not depend on how many issues the quarter had. The counter items
 * of two quarters (2025Q1: 1,000 issues, 2025Q2: 10,000, same 24 units) are built the cheap way:
 * every issue's lifecycle decided in memory by the real decide(), its counter deltas written with the
 * same counter updates the issue transactions use (one transaction per unit-quarter item).
 */
const calendar = builtInCalendar();

const lifecycleDeltas = (i: number, unitId: string, start: string): CounterDelta[] => {
  let issue: Issue = {
    id: `I${i}`,
    enterpriseId: 'E',
    gridId: 'G',
    townUnitId: 'T',
    category: 'land',
    title: 't',
    description: 'd',
    source: 'visit',
    raisedBy: OPERATOR,
    status: 'open',
    reReviewCount: 0,
    ledgerHead: { seq: 1, hash: GENESIS_HASH },
    version: 1,
    createdAt: `${start}T01:00:00.000Z`,
    updatedAt: `${start}T01:00:00.000Z`,
  };
  const deltas: CounterDelta[] = [];
  const step = (command: IssueCommand, today: string) => {
    const transition = decide(issue, command, { today, actor: OPERATOR }, calendar, DEFAULT_ISSUE_POLICY);
    deltas.push(...transition.counters);
    issue = transition.next;
  };
  const late = i % 5 === 0;
  step({ type: 'escalate', unitId, dueWorkingDays: 10, executionArn: `arn:${i}` }, start);
  if (i % 7 === 0) step({ type: 'return', reasonCode: 'other', note: 'n' }, start);
  if (i % 7 === 0) step({ type: 'decide_return', accept: true, reason: 'r' }, start);
  if (i % 7 === 0) step({ type: 'dispatch', unitId, dueWorkingDays: 10 }, start);
  step({ type: 'resolve', resolution: 'r' }, calendar.addWorkingDays(start, late ? 15 : 3));
  const verdictDay = calendar.addWorkingDays(start, 16);
  if (i % 13 === 0) step({ type: 'close_no_response' }, verdictDay);
  else {
    const verdict = i % 20 === 0 ? 'unsatisfied' : i % 20 === 1 ? 'basically_satisfied' : 'satisfied';
    step({ type: 'feedback', verdict }, verdictDay);
  }
  return deltas;
};

const buildQuarter = async (issues: number, units: readonly string[], start: string) => {
  const perItem = new Map<string, CounterDelta[]>();
  for (let i = 0; i < issues; i++) {
    const unitId = units[i % units.length] as string;
    perItem.set(unitId, [...(perItem.get(unitId) ?? []), ...lifecycleDeltas(i, unitId, start)]);
  }
  for (const deltas of perItem.values()) {
    await documentClient.send(new TransactWriteCommand({ TransactItems: counterUpdates(deltas) }));
  }
};

const ITEMS_BY_PATTERN = (reads: ReturnType<typeof readsOnly>, quarter: string) => {
  const sum = (prefix: string) =>
    reads.filter((read) => read.partition === prefix).reduce((total, read) => total + read.items, 0);
  return {
    units: sum('UNIT'),
    counters: sum(`UNITSTATS#${quarter}`),
    partyPoints: sum(`PARTY#${quarter}`),
    head: sum(`RANKING#${quarter}`),
    total: reads.reduce((total, read) => total + read.items, 0),
    requests: reads.length,
    capacity: reads.reduce((total, read) => total + (read.capacity ?? 0), 0),
  };
};

describe('the cost of quarterly scoring', () => {
  it('reads the same items for 1,000 and 10,000 issues in the quarter: it grows with units, not issues', async () => {
    // Prepare: 24 units, 8 of each ranking group.
    const groups: Group[] = ['towns', 'class1', 'class2'];
    const units: string[] = [];
    for (let i = 0; i < 24; i++) units.push(await createRankedUnit(groups[i % 3] as Group, `成本${i}`));
    await buildQuarter(1_000, units, '2025-01-06');
    await buildQuarter(10_000, units, '2025-04-07');

    // Act
    const small = await recordingReads(() => runJobNow('quarterly-scoring', '2025-04-01'));
    const large = await recordingReads(() => runJobNow('quarterly-scoring', '2025-07-01'));

    // Assess
    const smallItems = ITEMS_BY_PATTERN(readsOnly(small.reads), '2025Q1');
    const largeItems = ITEMS_BY_PATTERN(readsOnly(large.reads), '2025Q2');
    process.stdout.write(
      `quarterly-scoring items read: 1,000 issues ${JSON.stringify(smallItems)}; 10,000 issues ${JSON.stringify(largeItems)}\n`,
    );
    expect(small.result).toMatchObject({ quarter: '2025Q1', ranked: { towns: 8, class1: 8, class2: 8 } });
    expect(large.result).toMatchObject({ quarter: '2025Q2', ranked: { towns: 8, class1: 8, class2: 8 } });
    expect(smallItems.counters).toBe(24);
    expect(largeItems.counters).toBe(24);
    // Other test files create units meanwhile: the totals differ by exactly that growth of the unit list.
    expect(largeItems.total - smallItems.total).toBe(largeItems.units - smallItems.units);
    expect(issueReads([...small.reads, ...large.reads], tableNames.ledger)).toEqual([]);
    // Every read names the unit list, the quarter's counters or party points, or the ranking head.
    for (const [reads, quarter] of [
      [readsOnly(small.reads), '2025Q1'],
      [readsOnly(large.reads), '2025Q2'],
    ] as const) {
      for (const read of reads) {
        expect(['UNIT', `UNITSTATS#${quarter}`, `PARTY#${quarter}`, `RANKING#${quarter}`]).toContain(
          read.partition,
        );
      }
    }
  }, 300_000);
});
