import type { Page } from '../../db/queries';
import { dispatchOrderListScope, visibleOrderLines } from '../../domain/dispatch-order-visibility';
import { NotFound } from '../../domain/errors';
import type { Viewer } from '../../domain/viewer';
import {
  type DispatchOrder,
  type DispatchOrderLine,
  findDispatchOrder,
  listDispatchOrders,
  listDispatchOrdersOfUnit,
} from '../../repositories/dispatch-orders';
import { emptyPage } from '../own-record-page';

/** A dispatch order as clients see it, with the lines they may read. */
export const dispatchOrderView = (order: DispatchOrder, items: DispatchOrderLine[] = order.items) => ({
  id: order.id,
  number: order.number,
  consultationId: order.consultationId,
  items,
  version: order.version,
  createdAt: order.createdAt,
  updatedAt: order.updatedAt,
});

export type DispatchOrderView = ReturnType<typeof dispatchOrderView>;

const visibleView = (viewer: Viewer, order: DispatchOrder): DispatchOrderView | undefined => {
  const lines = visibleOrderLines(viewer, order.items);
  return lines && dispatchOrderView(order, lines);
};

/** One order, or 404 alike for a missing one and one naming none of a department's unit. */
export const readDispatchOrder = async (viewer: Viewer, orderId: string): Promise<DispatchOrderView> => {
  const order = await findDispatchOrder(orderId);
  const view = order && visibleView(viewer, order);
  if (!view) throw new NotFound('The dispatch order');
  return view;
};

/** Every order for leaders and the service centre; those naming its unit for a department. Newest first. */
export const listVisibleDispatchOrders = async (
  viewer: Viewer,
  page: { limit: number; cursor?: string },
): Promise<Page<DispatchOrderView>> => {
  const scope = dispatchOrderListScope(viewer);
  if (scope.kind === 'none') return emptyPage();
  const found =
    scope.kind === 'all'
      ? await listDispatchOrders(page)
      : await listDispatchOrdersOfUnit(scope.unitId, page);
  return {
    items: found.items.flatMap((order) => visibleView(viewer, order) ?? []),
    nextCursor: found.nextCursor,
  };
};
