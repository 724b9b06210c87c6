import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { documentClient } from '../../shared/db/client';
import { ledgerKeys } from '../../shared/db/keys';
import { claimsFor } from '../../tools/lambda-events';
import { ledgerWritesSeen } from '../support/ledger-write-guard';
import { act, createEnterprise, departmentOf, raiseIssue } from './issue-fixtures';
import { createDepartment, operator } from './master-data-fixtures';

const ledgerTable = () => process.env.LEDGER_TABLE as string;

describe('the ledger is append-only on every write path', () => {
  it('writes each entry of a whole course with a put conditioned on its absence', async () => {
    const enterprise = await createEnterprise();
    const unitId = (await createDepartment()).id;
    const unit = departmentOf(unitId);
    const own = claimsFor('enterprise', { enterpriseId: enterprise.id });
    const before = ledgerWritesSeen.length;

    const { id } = await raiseIssue(enterprise.id);
    await act(id, 'escalate', operator, { unitId, dueWorkingDays: 3 });
    await act(id, 'resolution', unit, { resolution: '已协调' });
    await act(id, 'feedback', own, { verdict: 'unsatisfied', comment: '不满意' });
    await act(id, 'resolution', unit, { resolution: '追加' });
    await act(id, 'feedback', own, { verdict: 'satisfied' });

    const written = ledgerWritesSeen.slice(before);
    expect(written).toHaveLength(6);
    expect(written.every((write) => write.conditional)).toBe(true);
  });

  it('refuses a second put of an existing entry, leaving the first as it was', async () => {
    const enterprise = await createEnterprise();
    const { id } = await raiseIssue(enterprise.id);
    const key = ledgerKeys.entry(id, 1);
    const { Item: first } = await documentClient.send(new GetCommand({ TableName: ledgerTable(), Key: key }));

    await expect(
      documentClient.send(
        new PutCommand({
          TableName: ledgerTable(),
          Item: { ...first, action: 'rewritten' },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      ),
    ).rejects.toMatchObject({ name: 'ConditionalCheckFailedException' });
    const { Item: after } = await documentClient.send(new GetCommand({ TableName: ledgerTable(), Key: key }));
    expect(after).toEqual(first);
  });

  it('fails any write that could replace an entry before it reaches the table', async () => {
    const enterprise = await createEnterprise();
    const { id } = await raiseIssue(enterprise.id);
    const key = ledgerKeys.entry(id, 1);

    await expect(
      documentClient.send(
        new PutCommand({ TableName: ledgerTable(), Item: { ...key, action: 'rewritten' } }),
      ),
    ).rejects.toThrow(/append-only/);
    await expect(
      documentClient.send(
        new UpdateCommand({
          TableName: ledgerTable(),
          Key: key,
          UpdateExpression: 'SET #a = :a',
          ExpressionAttributeNames: { '#a': 'action' },
          ExpressionAttributeValues: { ':a': 'rewritten' },
        }),
      ),
    ).rejects.toThrow(/append-only/);
    const { Item } = await documentClient.send(new GetCommand({ TableName: ledgerTable(), Key: key }));
    expect(Item?.action).toBe('raised');
  });
});
