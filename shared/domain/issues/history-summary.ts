import { programDateOf } from '../calendar';
import type { LedgerFacts } from '../ledger/hash-chain';

/** How a unit is named in a summary; the unit id when its name is unknown. */
export type UnitNamer = (unitId: string) => string;

const SOURCE_PHRASES: Record<string, string> = {
  self: 'by the enterprise itself',
  visit: 'on a grid visit',
  resident: 'by its resident cadre',
  hotline: 'through the service hotline',
};

const words = (code: unknown) => String(code).replaceAll('_', ' ');
const str = (value: unknown) => (typeof value === 'string' ? value : undefined);
const num = (value: unknown) => (typeof value === 'number' ? value : undefined);
const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** Consecutive supervisions of one assignment read as one sentence, however long it stayed overdue. */
interface SupervisionRun {
  from: string;
  to: string;
  times: number;
  level: number;
  card?: string;
  workingDaysOverdue: number;
}

const supervisionSentence = (run: SupervisionRun) =>
  `Overdue from ${run.from}: supervised ${plural(run.times, 'time')}, reaching level ${run.level}` +
  `${run.card ? ` (${run.card} card)` : ''}, ${plural(run.workingDaysOverdue, 'working day')} overdue by ${run.to}.`;

const dueClause = (data: Record<string, unknown>) => {
  const days = num(data.dueWorkingDays);
  return `due ${str(data.dueDate)}${days === undefined ? '' : ` (${plural(days, 'working day')})`}`;
};

/** One sentence for an entry, or undefined for entries a round-table need not hear (progress notes, cards). */
const sentenceOf = (entry: LedgerFacts, date: string, unit: UnitNamer): string | undefined => {
  const { data } = entry;
  const unitOf = (key: string) => unit(String(data[key]));
  switch (entry.action) {
    case 'raised':
      return `Raised on ${date} ${SOURCE_PHRASES[String(data.source)] ?? `by a ${entry.actor.role}`}.`;
    case 'resolved_on_spot':
      return `Resolved on the spot on ${date}.`;
    case 'escalated':
      return data.unitId === undefined
        ? `Escalated on ${date}, awaiting dispatch.`
        : `Escalated on ${date} and assigned to ${unitOf('unitId')}, ${dueClause(data)}.`;
    case 'dispatched':
      return `Dispatched on ${date} to ${unitOf('unitId')}, ${dueClause(data)}.`;
    case 'returned':
      return `Returned on ${date} by ${unitOf('unitId')} (reason: ${words(data.reasonCode)}).`;
    case 'extension_approved':
      return `An extension of ${plural(num(data.workingDays) ?? 0, 'working day')} was approved on ${date} (now due ${str(data.dueDate)}).`;
    case 'resolved': {
      const late = num(data.workingDaysOverdue) ?? 0;
      return `Resolved on ${date} by ${unitOf('unitId')}, ${data.onTime ? 'on time' : `${plural(late, 'working day')} late`}.`;
    }
    case 'closed':
      return data.closure === 'no_response'
        ? `Closed on ${date} without a verdict: the enterprise did not respond.`
        : `Closed on ${date}: the enterprise was ${words(data.verdict)}.`;
    case 're_review':
      return data.unitId === undefined
        ? `On ${date} the enterprise was unsatisfied and the issue was reopened.`
        : `On ${date} the enterprise was unsatisfied: re-review ${num(data.reReviewCount)} by ${unitOf('unitId')}, ${dueClause(data)}.`;
    case 'consultation_requested':
      return `Consultation requested on ${date} by ${entry.actor.role === 'department' ? 'the assigned unit' : 'the service centre'}.`;
    case 'put_on_consultation_agenda':
      return data.verdict === undefined
        ? `Sent to consultation on ${date}.`
        : `On ${date} the enterprise was still unsatisfied; sent to consultation.`;
    case 'consultation_decided': {
      const coUnits = Array.isArray(data.coUnitIds) ? data.coUnitIds.map((id) => unit(String(id))) : [];
      return `Decided at consultation on ${date}: lead ${unitOf('leadUnitId')}${coUnits.length ? ` with ${coUnits.join(', ')}` : ''}, due ${str(data.dueDate)}.`;
    }
    case 'workflow_failed':
      return `Its workflow failed on ${date} (${words(data.error)}).`;
    case 'workflow_restarted':
      return `Put on a new workflow execution on ${date} after the failure (${words(data.error)}).`;
    case 'marked_unreasonable':
      return `Marked on ${date} as an unreasonable demand: ${String(data.reason)}.`;
    default:
      return undefined;
  }
};

/** Why the issue went to consultation the last time it did, from the entry that sent it there. */
const agendaReason = (entries: readonly LedgerFacts[]): string | undefined => {
  const sent = entries.findLast((entry) => entry.toStatus === 'awaiting_consultation');
  if (!sent) return undefined;
  const { data } = sent;
  if (sent.action === 'consultation_requested') {
    const who =
      sent.actor.role === 'department' ? 'the assigned unit asked for it' : 'the service centre asked for it';
    return `On the agenda because ${who}: ${String(data.note)}`;
  }
  if (data.reReviewsExhausted) {
    const reReviews = entries.filter((entry) => entry.action === 're_review').length;
    return `On the agenda because the enterprise remained unsatisfied after ${plural(reReviews, 're-review')}.`;
  }
  return `On the agenda because it was still overdue (${plural(num(data.workingDaysOverdue) ?? 0, 'working day')}) at supervision level ${num(data.supervisionLevel)}, the supervision limit.`;
};

/**
 * One paragraph a consultation reads about an issue, from its ledger alone: when and how it was raised,
 * whom it was assigned to and by when, returns, overdue spells and supervision, resolutions and the
 * enterprise's verdicts, re-reviews, and why it is on the agenda.
 */
export const summarizeIssueHistory = (
  entries: readonly LedgerFacts[],
  unit: UnitNamer = (unitId) => unitId,
): string => {
  const parts: (string | SupervisionRun)[] = [];
  for (const entry of entries) {
    const date = programDateOf(entry.at);
    if (entry.action === 'supervised') {
      const last = parts.at(-1);
      const run: SupervisionRun =
        typeof last === 'object' ? last : { from: date, to: date, times: 0, level: 0, workingDaysOverdue: 0 };
      if (run !== last) parts.push(run);
      run.to = date;
      run.times += 1;
      run.level = num(entry.data.supervisionLevel) ?? run.level;
      run.card = str(entry.data.card) ?? run.card;
      run.workingDaysOverdue = num(entry.data.workingDaysOverdue) ?? run.workingDaysOverdue;
      continue;
    }
    const sentence = sentenceOf(entry, date, unit);
    if (sentence) parts.push(sentence);
  }
  const reason = agendaReason(entries);
  return [
    ...parts.map((part) => (typeof part === 'string' ? part : supervisionSentence(part))),
    ...(reason ? [reason] : []),
  ].join(' ');
};
