import type { LedgerFacts } from '../ledger/hash-chain';
import { DETAIL_TYPES, type DetailType, EVENT_SCHEMA_VERSION, type ProgramFact } from './catalogue';

/**
 * The ledger entry's data fields an event may carry: ids, dates, levels and codes. Free text
 * (resolution, note, reason, comment) and the actor stay in the ledger.
 */
const CARRIED = [
  'unitId',
  'leadUnitId',
  'coUnitIds',
  'dueDate',
  'dueWorkingDays',
  'dispatchOrderId',
  'consultationId',
  'supervisionLevel',
  'card',
  'workingDaysOverdue',
  'reasonCode',
  'verdict',
  'closure',
  'onTime',
  'reReviewCount',
  'reReviewsExhausted',
] as const;

/** The event types one ledger action means; actions that tell nobody anything mean none. */
const typesOf = (entry: LedgerFacts): DetailType[] => {
  const verdict = entry.data.verdict === undefined ? [] : [DETAIL_TYPES.verdictRecorded];
  const assigned = entry.toStatus === 'assigned' ? [DETAIL_TYPES.issueAssigned] : [];
  switch (entry.action) {
    case 'raised':
      return [DETAIL_TYPES.issueRaised];
    case 'escalated':
      return [DETAIL_TYPES.issueEscalated, ...assigned];
    case 'dispatched':
      return [DETAIL_TYPES.issueAssigned];
    case 'card_shown':
      return [DETAIL_TYPES.issueDueSoon];
    case 'supervised':
      return [DETAIL_TYPES.issueSupervised];
    case 'returned':
      return [DETAIL_TYPES.issueReturned];
    case 'consultation_requested':
      return [DETAIL_TYPES.issueSentToConsultation];
    case 'put_on_consultation_agenda':
      return [...verdict, DETAIL_TYPES.issueSentToConsultation];
    case 'consultation_decided':
      return [DETAIL_TYPES.consultationDecided, ...assigned];
    case 'resolved':
    case 'resolved_on_spot':
      return [DETAIL_TYPES.issueResolved, DETAIL_TYPES.verdictRequested];
    case 're_review':
      return [...verdict, ...assigned];
    case 'closed':
      return [...verdict, DETAIL_TYPES.issueClosed];
    default:
      return [];
  }
};

/**
 * The program events one ledger entry stands for (a stored entry is its own outbox). Each id is the
 * entry's place in the issue's history plus the type, so a re-sent entry makes the same ids.
 */
export const issueEventsOf = (entry: LedgerFacts): ProgramFact[] => {
  const carried = Object.fromEntries(
    CARRIED.filter((field) => entry.data[field] !== undefined).map((field) => [field, entry.data[field]]),
  );
  return typesOf(entry).map((detailType) => {
    const id = `issue/${entry.issueId}/${entry.seq}/${detailType}`;
    return {
      detailType,
      id,
      time: new Date(entry.at),
      detail: {
        schemaVersion: EVENT_SCHEMA_VERSION,
        issueId: entry.issueId,
        seq: entry.seq,
        action: entry.action,
        status: entry.toStatus,
        ...(entry.unitId === undefined ? {} : { responsibleUnitId: entry.unitId }),
        ...carried,
      },
    };
  });
};
