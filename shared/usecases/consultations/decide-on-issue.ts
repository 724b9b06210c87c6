import { CONSULTATION_DECIDERS, type DecisionBody } from '../../contract/consultations';
import { Conflict, Forbidden, NotFound } from '../../domain/errors';
import { nowIso } from '../../domain/ids';
import type { Caller } from '../../domain/viewer';
import { findConsultation } from '../../repositories/consultations';
import type { DispatchOrder } from '../../repositories/dispatch-orders';
import { orderWithLine, retryingOrderRaces } from '../dispatch-orders/order-lines';
import { dispatchOrderView } from '../dispatch-orders/read-dispatch-orders';
import { applyIssueCommand } from '../issues/apply-issue-command';
import { checkUnitsExist } from '../issues/check-units';
import { issueView } from '../issues/issue-view';

export const notOnAgenda = () =>
  new Conflict('NOT_ON_AGENDA', "The issue is not on this consultation's agenda.");

/**
 * A leader decides an issue on a consultation's agenda that still awaits consultation: lead unit,
 * co-units and working days. The issue's transition (command `decide`) and the creation or extension of
 * the consultation's dispatch order are one transaction, so an order line exists exactly for each
 * decided issue and order numbers run without gaps. A decision that loses a race for the order or its
 * number re-reads and tries again.
 */
export const decideOnIssue = async (caller: Caller, consultationId: string, input: DecisionBody) => {
  const role = CONSULTATION_DECIDERS.find((decider) => caller.roles.includes(decider));
  if (!role) throw new Forbidden();
  const consultation = await findConsultation(consultationId);
  if (!consultation) throw new NotFound('The consultation');
  if (!consultation.agendaIssueIds.includes(input.issueId)) throw notOnAgenda();
  await checkUnitsExist([
    { path: 'body.leadUnitId', unitId: input.leadUnitId },
    ...input.coUnitIds.map((unitId, i) => ({ path: `body.coUnitIds.${i}`, unitId })),
  ]);
  const { issueId, leadUnitId, coUnitIds, dueWorkingDays, note } = input;

  return retryingOrderRaces(async () => {
    const at = nowIso();
    const pending: { order?: DispatchOrder } = {};
    const issue = await applyIssueCommand({
      issueId,
      actor: { sub: caller.sub, role },
      at,
      command: {
        type: 'decide',
        consultationId,
        dispatchOrderId: consultation.dispatchOrderId,
        leadUnitId,
        coUnitIds,
        dueWorkingDays,
        note,
      },
      extraItems: async (transition) => {
        const dueDate = transition.next.assignment?.dueDate;
        if (!dueDate) throw new Error('a consultation decision always assigns the issue');
        const next = await orderWithLine(
          {
            orderId: consultation.dispatchOrderId,
            year: Number(consultation.date.slice(0, 4)),
            fields: { kind: 'consultation', consultationId: consultation.id },
          },
          { issueId, leadUnitId, coUnitIds, dueDate, note },
          at,
        );
        pending.order = next.order;
        return next.writes;
      },
    });
    if (!pending.order) throw new Error('the decision was committed without its dispatch order');
    return { issue: issueView(issue, caller), dispatchOrder: dispatchOrderView(pending.order) };
  });
};
