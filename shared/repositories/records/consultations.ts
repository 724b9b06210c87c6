import type { RecordMeta } from '../../db/records';

/**
 * A consultation as stored: its agenda, fixed when it was called, and the id its dispatch order will
 * have. The id is chosen up front so that concurrent first decisions all name the same order and
 * exactly one of them creates it; clients see it only once the order exists.
 */
export interface ConsultationRecord extends RecordMeta {
  date: string;
  agendaIssueIds: string[];
  redCardIssueIds?: string[];
  dispatchOrderId: string;
  /** The meeting's record, written by the office after it (absent until then). */
  chair?: string;
  attendees?: { leaders: string[]; unitIds: string[] };
  minutes?: string;
  /** Who last wrote that record (the verified caller). */
  recordedBy?: string;
}
