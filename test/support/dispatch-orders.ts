import type {
  DispatchOrderHeader,
  DispatchOrderLine,
} from '../../shared/repositories/records/dispatch-orders';

/** The office's order ORDER1 (2026-0012) of 2026-12-01, its lines kept apart, naming `unitIds`. */
export const officeOrderHeader = (unitIds: string[]): DispatchOrderHeader => ({
  id: 'ORDER1',
  number: '2026-0012',
  year: 2026,
  seq: 12,
  kind: 'office',
  date: '2026-12-01',
  unitIds,
  version: 1,
  createdAt: '2026-12-01T01:00:00.000Z',
  updatedAt: '2026-12-01T01:00:00.000Z',
});

/** A line giving `issueId` to `leadUnitId` alone, due 2026-12-08. */
export const orderLine = (issueId: string, leadUnitId = 'UNIT1'): DispatchOrderLine => ({
  issueId,
  leadUnitId,
  coUnitIds: [],
  dueDate: '2026-12-08',
  note: `问题 ${issueId}`,
});
