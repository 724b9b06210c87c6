import { describe, expect, it } from 'vitest';
import { orderCreationWrites } from '../../../shared/repositories/dispatch-order-writes';
import {
  officeOrderLinePut,
  officeOrderLineWrites,
} from '../../../shared/repositories/office-dispatch-orders';
import { officeOrderHeader, orderLine } from '../../support/dispatch-orders';

const header = officeOrderHeader(['UNIT1']);
const line = orderLine('ISSUE2');
const at = '2026-12-01T03:00:00.000Z';

describe('the writes of an office order line', () => {
  it('are one put of the line item, which no other line writes, when the order names its units already', () => {
    const writes = officeOrderLineWrites(header, line, at, []);

    expect(writes).toEqual([
      {
        Put: {
          TableName: 'program',
          Item: {
            pk: 'DORDER#ORDER1',
            sk: `LINE#${at}#ISSUE2`,
            entity: 'dispatchOrderLine',
            orderId: 'ORDER1',
            at,
            ...line,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    ]);
  });

  it('add a unit new to the order to the order item, unless a concurrent line added it, and give it its unit item', () => {
    const writes = officeOrderLineWrites(header, { ...line, coUnitIds: ['UNIT2'] }, at, ['UNIT2']);

    expect(writes).toHaveLength(3);
    expect(writes[1]?.Update).toMatchObject({
      Key: { pk: 'DORDER#ORDER1', sk: 'DORDER' },
      UpdateExpression: 'SET #unitIds = list_append(#unitIds, :units)',
      ConditionExpression: 'NOT contains(#unitIds, :unit0)',
      ExpressionAttributeValues: { ':units': ['UNIT2'], ':unit0': 'UNIT2' },
    });
    expect(writes[2]?.Put?.Item).toMatchObject({
      pk: 'DORDER#ORDER1',
      sk: 'UNIT#UNIT2',
      gsi2pk: 'DORDER#UNIT#UNIT2',
    });
  });

  it('create an order whose item holds no lines, beside which the first line is put as an item of its own', () => {
    const writes = [...orderCreationWrites(header), officeOrderLinePut(header.id, line, at)];

    const orderItem = writes.find((write) => write.Put?.Item?.sk === 'DORDER')?.Put?.Item;
    expect(orderItem).toMatchObject({ number: '2026-0012', gsi1pk: 'DORDER', unitIds: ['UNIT1'] });
    expect(orderItem).not.toHaveProperty('items');
    expect(writes.at(-1)?.Put?.Item).toMatchObject({ sk: `LINE#${at}#ISSUE2`, issueId: 'ISSUE2' });
  });
});
