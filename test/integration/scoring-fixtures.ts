import { expect, vi } from 'vitest';
import { handler as scoring } from '../../functions/api/scoring/handler';
import { handler as units } from '../../functions/api/units/handler';
import { documentClient } from '../../shared/db/client';
import { newId } from '../../shared/domain/ids';
import type { IssueCommand } from '../../shared/domain/issues/commands';
import type { Actor, Issue } from '../../shared/domain/issues/issue';
import { chainEntry, GENESIS_HASH } from '../../shared/domain/ledger/hash-chain';
import { insertIssue } from '../../shared/repositories/issues';
import { applyIssueCommand } from '../../shared/usecases/issues/apply-issue-command';
import { claimsFor, invoke } from '../../tools/lambda-events';
import { operator, unique } from './master-data-fixtures';

export const OPERATOR: Actor = { sub: 'test-operator', role: 'operator' };
export const admin = claimsFor('admin');
export const leader = claimsFor('leader');

/** A program instant (Asia/Shanghai). */
export const on = (date: string, time = '10:00'): string => `${date}T${time}:00+08:00`;

export type Group = 'towns' | 'class1' | 'class2';

export const createRankedUnit = async (group: Group, name: string) => {
  const body =
    group === 'towns'
      ? { code: unique('ST'), name, kind: 'town' }
      : { code: unique('SD'), name, kind: 'department', category: group };
  const result = await invoke(units, { routeKey: 'POST /units', body, claims: operator });
  expect(result.status).toBe(201);
  return (result.body as { id: string }).id;
};

export const putPartyPoints = async (unitId: string, quarter: string, points: number, version?: number) =>
  invoke(scoring, {
    routeKey: 'PUT /units/{unitId}/party-points/{quarter}',
    pathParameters: { unitId, quarter },
    body: { points },
    headers: version === undefined ? {} : { 'if-match': `"${version}"` },
    claims: operator,
  });

export const getRanking = async (quarter: string) => {
  const result = await invoke(scoring, {
    routeKey: 'GET /rankings/{quarter}',
    pathParameters: { quarter },
    claims: leader,
  });
  expect(result.status, JSON.stringify(result.body)).toBe(200);
  return result.body as Record<
    Group,
    Array<Record<string, unknown> & { unitId: string; rank: number; score: number }>
  > & {
    revision: number;
    computedAt: string;
  };
};

/** An open issue with its first ledger entry, as raising one writes it (no enterprise needed for counters). */
export const raiseIssueAt = async (at: string): Promise<string> => {
  const id = newId();
  const raisedBy: Actor = { sub: 'test-cadre', role: 'cadre' };
  const entry = chainEntry(
    {
      issueId: id,
      seq: 1,
      at,
      actor: raisedBy,
      action: 'raised',
      fromStatus: null,
      toStatus: 'open',
      data: {},
    },
    GENESIS_HASH,
  );
  const issue: Issue = {
    id,
    enterpriseId: `E${newId()}`,
    gridId: 'G-scoring',
    townUnitId: 'T-scoring',
    category: 'land',
    title: '用地指标',
    description: '扩建缺少用地指标',
    source: 'visit',
    raisedBy,
    status: 'open',
    reReviewCount: 0,
    ledgerHead: { seq: 1, hash: entry.hash },
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  await insertIssue(issue, entry);
  return id;
};

export const apply = (issueId: string, command: IssueCommand, at: string) =>
  applyIssueCommand({ issueId, actor: OPERATOR, command, at });

/** Runs `work` over `items` with at most `limit` at a time (DynamoDB Local shares two cores with the rest). */
export const inPool = async <T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>) => {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const item = items[next++] as T;
        await work(item);
      }
    }),
  );
};

export interface ReadRecord {
  command: string;
  table?: string;
  index?: string;
  /** The partition key value the request names (key condition or key). */
  partition?: string;
  items: number;
  capacity?: number;
}

/**
 * Records every request the document client sends while `run` runs: which table, index and partition,
 * how many items came back and the capacity consumed. The job under test uses this same client.
 */
export const recordingReads = async <T>(
  run: () => Promise<T>,
): Promise<{ result: T; reads: ReadRecord[] }> => {
  const reads: ReadRecord[] = [];
  const original = documentClient.send.bind(documentClient) as (command: unknown) => Promise<unknown>;
  const spy = vi.spyOn(documentClient, 'send').mockImplementation((async (command: {
    constructor: { name: string };
    input: Record<string, unknown>;
  }) => {
    command.input.ReturnConsumedCapacity = 'TOTAL';
    const output = (await original(command)) as Record<string, unknown>;
    const values = command.input.ExpressionAttributeValues as Record<string, unknown> | undefined;
    const key = command.input.Key as Record<string, unknown> | undefined;
    const consumed = output.ConsumedCapacity as
      | { CapacityUnits?: number }
      | Array<{ CapacityUnits?: number }>;
    reads.push({
      command: command.constructor.name,
      table: command.input.TableName as string | undefined,
      index: command.input.IndexName as string | undefined,
      partition: String(values?.[':pk'] ?? key?.pk ?? ''),
      items: Array.isArray(output.Items) ? output.Items.length : output.Item ? 1 : 0,
      capacity: Array.isArray(consumed)
        ? consumed.reduce((sum, c) => sum + (c.CapacityUnits ?? 0), 0)
        : consumed?.CapacityUnits,
    });
    return output;
  }) as never);
  try {
    return { result: await run(), reads };
  } finally {
    spy.mockRestore();
  }
};

/** Reads that touched an issue, its ledger or an issue index partition: there must be none. */
export const issueReads = (reads: readonly ReadRecord[], ledgerTable: string) =>
  reads.filter(
    (read) =>
      read.table === ledgerTable ||
      read.partition?.startsWith('ISSUE') ||
      read.partition?.startsWith('QUEUE#') ||
      read.command === 'BatchGetCommand',
  );

const READ_COMMANDS = new Set(['GetCommand', 'QueryCommand', 'BatchGetCommand', 'ScanCommand']);

/** The reads among the recorded requests (writes left out). */
export const readsOnly = (records: readonly ReadRecord[]) =>
  records.filter((record) => READ_COMMANDS.has(record.command));
