import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { _Record } from '@aws-sdk/client-dynamodb-streams';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import { lambdaStreamRecord } from '../../../infra/local/streams/stream-event';

const STREAM_ARN = 'arn:aws-cn:dynamodb:cn-north-1:000000000000:table/ledger/stream/1';

/**
 * A ledger entry's record as DynamoDB Local's GetRecords answers it (seen on the wire): the empty
 * maps have lost their `M`, the other values keep their type.
 */
const fromDynamoDbLocal = (): _Record => ({
  eventID: 'e1',
  eventName: 'INSERT',
  eventSource: 'aws:dynamodb',
  awsRegion: 'cn-north-1',
  dynamodb: {
    Keys: { pk: { S: 'ISSUE#I1' }, sk: { S: 'SEQ#1' } },
    NewImage: {
      pk: { S: 'ISSUE#I1' },
      sk: { S: 'SEQ#1' },
      action: { S: 'escalated' },
      fromStatus: { NULL: true },
      data: {} as AttributeValue,
      actor: { M: { sub: { S: 'c1' }, context: {} as AttributeValue } },
      notes: { L: [{} as AttributeValue, { L: [] }, { S: '' }] },
    } as Record<string, AttributeValue>,
    OldImage: { data: {} as AttributeValue } as Record<string, AttributeValue>,
    SequenceNumber: '101',
    StreamViewType: 'NEW_AND_OLD_IMAGES',
  },
});

describe('local streams: a record as Lambda delivers it', () => {
  it('types the empty maps DynamoDB Local leaves typeless, as AWS streams them', () => {
    const { dynamodb } = lambdaStreamRecord(fromDynamoDbLocal(), STREAM_ARN);

    expect(dynamodb?.NewImage?.data).toEqual({ M: {} });
    expect(dynamodb?.OldImage?.data).toEqual({ M: {} });
    expect(unmarshall(dynamodb?.NewImage as Record<string, AttributeValue>)).toEqual({
      pk: 'ISSUE#I1',
      sk: 'SEQ#1',
      action: 'escalated',
      fromStatus: null,
      data: {},
      actor: { sub: 'c1', context: {} },
      notes: [{}, [], ''],
    });
  });
});
