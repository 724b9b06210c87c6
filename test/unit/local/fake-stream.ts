import {
  type _Record,
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  ExpiredIteratorException,
  GetRecordsCommand,
  GetShardIteratorCommand,
  ListStreamsCommand,
  TrimmedDataAccessException,
} from '@aws-sdk/client-dynamodb-streams';
import { marshall } from '@aws-sdk/util-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';

interface FakeShard {
  id: string;
  start: number;
  end?: number;
  records: { sequence: number; record: _Record }[];
}

const STREAM_ARN = 'arn:aws-cn:dynamodb:cn-north-1:000000000000:table/program/stream/1';
const PAGE_SIZE = 1000;

/**
 * A DynamoDB stream as DynamoDB Local keeps one, behind a mocked Streams client: sequence numbers are
 * global (another table's writes move them on), an iterator taken on a shard with no record points at
 * the shard's start and is refused as trimmed once the first record lands past it, shards roll, old
 * records are trimmed and iterators expire — each on the test's command.
 */
export const fakeStream = () => {
  let sequence = 100;
  let generation = 0;
  const shards: FakeShard[] = [];
  const openShard = (): FakeShard => {
    const shard: FakeShard = { id: `shard-${shards.length + 1}`, start: ++sequence, records: [] };
    shards.push(shard);
    return shard;
  };
  let current = openShard();
  const shardOf = (id: string) => {
    const shard = shards.find((candidate) => candidate.id === id);
    if (!shard) throw new Error(`no shard ${id}`);
    return shard;
  };
  const iterator = (shard: FakeShard, position: number) => `${shard.id}|${position}|${generation}`;

  const client = new DynamoDBStreamsClient({ region: 'cn-north-1' });
  const mock = mockClient(client);
  mock.on(ListStreamsCommand).resolves({ Streams: [{ StreamArn: STREAM_ARN, StreamLabel: '1' }] });
  mock.on(DescribeStreamCommand).callsFake(() => ({
    StreamDescription: {
      Shards: shards.map((shard) => ({
        ShardId: shard.id,
        SequenceNumberRange: {
          StartingSequenceNumber: String(shard.start),
          ...(shard.end ? { EndingSequenceNumber: String(shard.end) } : {}),
        },
      })),
    },
  }));
  mock.on(GetShardIteratorCommand).callsFake(({ ShardId, ShardIteratorType, SequenceNumber }) => {
    const shard = shardOf(ShardId);
    const first = shard.records[0]?.sequence ?? shard.start;
    if (ShardIteratorType === 'AFTER_SEQUENCE_NUMBER') {
      if (Number(SequenceNumber) < first) {
        throw new TrimmedDataAccessException({ message: 'trimmed', $metadata: {} });
      }
      return { ShardIterator: iterator(shard, Number(SequenceNumber) + 1) };
    }
    if (ShardIteratorType === 'TRIM_HORIZON') return { ShardIterator: iterator(shard, first) };
    const last = shard.records.at(-1)?.sequence;
    return { ShardIterator: iterator(shard, last === undefined ? shard.start : last + 1) };
  });
  mock.on(GetRecordsCommand).callsFake(({ ShardIterator }) => {
    const [id = '', position = '0', issued = '0'] = String(ShardIterator).split('|');
    if (Number(issued) < generation) {
      throw new ExpiredIteratorException({ message: 'Iterator expired', $metadata: {} });
    }
    const shard = shardOf(id);
    const from = Number(position);
    const first = shard.records[0]?.sequence;
    // DynamoDB Local: a position before the oldest record, with a gap to it, reads as trimmed.
    if (first !== undefined && from < first - 1) {
      throw new TrimmedDataAccessException({
        message: 'The operation attempted to read past the oldest stream record in a shard.',
        $metadata: {},
      });
    }
    const page = shard.records.filter(({ sequence }) => sequence >= from).slice(0, PAGE_SIZE);
    const next = page.length > 0 ? (page.at(-1)?.sequence ?? from) + 1 : from;
    const readToEnd = shard.end !== undefined && !shard.records.some(({ sequence }) => sequence >= next);
    return {
      Records: page.map(({ record }) => record),
      ...(readToEnd ? {} : { NextShardIterator: iterator(shard, next) }),
    };
  });

  return {
    client,
    /** Writes an item: a stream record in the open shard. */
    put(item: Record<string, unknown>, eventName: 'INSERT' | 'MODIFY' = 'MODIFY') {
      const seq = ++sequence;
      current.records.push({
        sequence: seq,
        record: {
          eventID: `e${seq}`,
          eventName,
          eventSource: 'aws:dynamodb',
          awsRegion: 'cn-north-1',
          dynamodb: {
            ApproximateCreationDateTime: new Date('2026-03-02T02:00:00Z'),
            Keys: marshall({ pk: item.pk, sk: item.sk }),
            NewImage: marshall(item),
            SequenceNumber: String(seq),
            StreamViewType: 'NEW_IMAGE' as const,
          },
        },
      });
      return String(seq);
    },
    /** Another table is written: the global sequence moves on. */
    writeElsewhere(count = 1) {
      sequence += count;
    },
    /** The open shard closes and a child takes over, as DynamoDB rolls shards. */
    roll() {
      current.end = sequence;
      current = openShard();
    },
    /** Every iterator handed out so far expires. */
    expireIterators() {
      generation++;
    },
    /** The oldest records pass the retention period. */
    trim(count: number) {
      for (const shard of shards) shard.records.splice(0, count);
    },
  };
};
