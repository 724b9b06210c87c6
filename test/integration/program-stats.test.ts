import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { documentClient } from '../../shared/db/client';
import { programStatsUpdate, readProgramStats } from '../../shared/repositories/program-stats';

const record = (n: number) => `01STATSTEST${String(n).padStart(15, '0')}`;

describe('program day statistics against DynamoDB Local', () => {
  it('sums the days of a period over every shard, and leaves out days outside it', async () => {
    // Dates no other test writes to: the table is shared by every integration test file.
    const writes = [
      programStatsUpdate('2031-03-01', record(1), { visits: 1, questionnaires: 1 }),
      programStatsUpdate('2031-03-02', record(2), { visits: 2, fundsFen: 150_000 }),
      programStatsUpdate('2031-03-02', record(3), { visits: 1 }),
      programStatsUpdate('2031-03-05', record(4), { visits: 7 }),
    ];
    for (const write of writes) {
      await documentClient.send(new TransactWriteCommand({ TransactItems: [write] }));
    }

    const stats = await readProgramStats('2031-03-01', '2031-03-04');

    expect(stats).toMatchObject({ visits: 4, questionnaires: 1, fundsFen: 150_000, residencies: 0 });
  });

  it('refuses a write that would count nothing', () => {
    expect(() => programStatsUpdate('2031-03-01', record(5), { visits: 0 })).toThrow(/non-zero/);
  });
});
