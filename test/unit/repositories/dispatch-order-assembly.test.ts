import { describe, expect, it } from 'vitest';
import {
  assembleDispatchOrder,
  type DispatchOrderLineRecord,
} from '../../../shared/repositories/records/dispatch-orders';
import { orderLine as line, officeOrderHeader } from '../../support/dispatch-orders';

const header = officeOrderHeader(['UNIT1', 'UNIT2']);

const stored = (at: string, issueId: string, leadUnitId?: string): DispatchOrderLineRecord => ({
  ...line(issueId, leadUnitId),
  orderId: header.id,
  at,
});

describe('assembleDispatchOrder', () => {
  it('gives the lines kept apart in the order read, without their storage fields', () => {
    const order = assembleDispatchOrder(header, [
      stored('2026-12-01T01:00:00.000Z', 'ISSUE1'),
      stored('2026-12-01T02:00:00.000Z', 'ISSUE2', 'UNIT2'),
      stored('2026-12-01T03:00:00.000Z', 'ISSUE1'),
    ]);

    expect(order.items).toEqual([line('ISSUE1'), line('ISSUE2', 'UNIT2'), line('ISSUE1')]);
    expect(order).toMatchObject({ id: 'ORDER1', number: '2026-0012', kind: 'office', date: '2026-12-01' });
  });

  it('counts a version per line and dates the order by its last line, as if each line had rewritten it', () => {
    const order = assembleDispatchOrder(header, [
      stored('2026-12-01T01:00:00.000Z', 'ISSUE1'),
      stored('2026-12-01T02:00:00.000Z', 'ISSUE2'),
      stored('2026-12-01T07:30:00.000Z', 'ISSUE3'),
    ]);

    expect(order.version).toBe(3);
    expect(order.createdAt).toBe('2026-12-01T01:00:00.000Z');
    expect(order.updatedAt).toBe('2026-12-01T07:30:00.000Z');
  });

  it('keeps the lines an order item holds inline, as consultation orders and earlier office orders do', () => {
    const inline = { ...header, items: [line('ISSUE7'), line('ISSUE8')], version: 2 };

    const order = assembleDispatchOrder(inline, []);

    expect(order.items).toEqual([line('ISSUE7'), line('ISSUE8')]);
    expect(order.version).toBe(2);
    expect(order.updatedAt).toBe(header.updatedAt);
  });
});
