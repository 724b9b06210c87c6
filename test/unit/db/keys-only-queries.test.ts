import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-vitest/extend';
import { beforeEach, describe, expect, it } from 'vitest';
import { equalityFilter } from '../../../shared/db/equality-filter';
import { issueKeys } from '../../../shared/db/keys';
import { queryAll, queryPage } from '../../../shared/db/queries';

const ddb = mockClient(DynamoDBDocumentClient);

beforeEach(() => ddb.reset());

describe('queries of a keys-only index', () => {
  it('hand back each entry as its table key, nothing else', async () => {
    ddb.on(QueryCommand).resolves({
      Items: [{ ...issueKeys.item('I1'), igsi1pk: 'ISSUE#ENT#E1', igsi1sk: 'I1' }],
    });

    const { items } = await queryPage({ ...issueKeys.byEnterprise('E1'), limit: 10 });

    expect(items).toEqual([issueKeys.item('I1')]);
  });

  it('refuse a filter or a field list, which could only test attributes the index does not hold', async () => {
    await expect(
      queryAll({ ...issueKeys.byEnterprise('E1'), filter: equalityFilter({ source: 'resident' }) }),
    ).rejects.toThrow(/IGSI1 projects keys only/);
    await expect(queryAll({ ...issueKeys.awaitingConsultation(), fields: ['id'] })).rejects.toThrow(
      /IGSI3 projects keys only/,
    );
    expect(ddb).not.toHaveReceivedCommand(QueryCommand);
  });
});
