import { programDateOf } from '../../domain/calendar';
import { type DispatchOrderDocument, documentLines } from '../../domain/dispatch-order-document';
import type { Viewer } from '../../domain/viewer';
import { findConsultation } from '../../repositories/consultations';
import { findEnterprise } from '../../repositories/enterprises';
import { findIssues } from '../../repositories/issues';
import { allUnits } from '../../repositories/units';
import { programCalendar } from '../calendar/program-calendar';
import { readDispatchOrder } from './read-dispatch-orders';

/** The day an order was issued: the office's day, the consultation's, else the day it was made. */
const issuedOnOf = async (order: Awaited<ReturnType<typeof readDispatchOrder>>) => {
  if (order.date) return order.date;
  const consultation = order.consultationId ? await findConsultation(order.consultationId) : undefined;
  return consultation?.date ?? programDateOf(order.createdAt);
};

/**
 * A dispatch order ready to print, with the lines the viewer may read (the same scope, and the same
 * 404, as the JSON order): issue titles, enterprise and unit names, due dates in working days.
 */
export const readDispatchOrderDocument = async (
  viewer: Viewer,
  orderId: string,
): Promise<DispatchOrderDocument> => {
  const order = await readDispatchOrder(viewer, orderId);
  const [issuedOn, issues, units, calendar] = await Promise.all([
    issuedOnOf(order),
    findIssues([...new Set(order.items.map((line) => line.issueId))]),
    allUnits(),
    programCalendar(),
  ]);
  const enterpriseIds = [...new Set(issues.map((issue) => issue.enterpriseId))];
  const enterprises = await Promise.all(enterpriseIds.map((id) => findEnterprise(id)));
  const issueById = new Map(issues.map((issue) => [issue.id, issue]));
  const enterpriseNames = new Map(enterprises.flatMap((found) => (found ? [[found.id, found.name]] : [])));
  const unitNames = new Map(units.map((unit) => [unit.id, unit.name]));
  return {
    number: order.number,
    kind: order.kind,
    issuedOn,
    lines: documentLines(order.items, issuedOn, {
      issueOf: (id) => issueById.get(id),
      enterpriseNameOf: (id) => enterpriseNames.get(id),
      unitNameOf: (id) => unitNames.get(id),
      workingDaysBetween: (from, to) => calendar.workingDaysBetween(from, to),
    }),
  };
};
