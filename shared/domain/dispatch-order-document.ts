import type { CalendarDate } from './calendar';

/**
 * A dispatch order (交办单) as it is printed: names instead of ids, each line's due date with the working
 * days it gives. The same document becomes HTML and PDF (shared/print/).
 */
export interface DispatchOrderDocument {
  number: string;
  kind: 'consultation' | 'office';
  /** The program day the order was issued: the office's day, or the consultation's. */
  issuedOn: CalendarDate;
  lines: DocumentLine[];
}

export interface DocumentLine {
  issueId: string;
  title: string;
  enterpriseName: string;
  leadUnitName: string;
  coUnitNames: string[];
  dueDate: CalendarDate;
  /** Working days from the day of issue to the due date. */
  dueWorkingDays: number;
  /** What the order says beyond the issue's title; absent when it says nothing more. */
  note?: string;
}

/** What the printed order needs besides the order's own lines, looked up by the use case. */
export interface DocumentFacts {
  issueOf: (issueId: string) => { title: string; enterpriseId: string } | undefined;
  enterpriseNameOf: (enterpriseId: string) => string | undefined;
  unitNameOf: (unitId: string) => string | undefined;
  workingDaysBetween: (from: CalendarDate, to: CalendarDate) => number;
}

interface OrderLine {
  issueId: string;
  leadUnitId: string;
  coUnitIds: readonly string[];
  dueDate: CalendarDate;
  note: string;
}

/**
 * The printed lines. Every note on an order comes from a public ledger action (a consultation's
 * decision, the office's escalation or dispatch), so it prints; an office line's note repeats the
 * issue's title and is left out. A name that cannot be found prints as its id, so the line stays
 * traceable rather than blank.
 */
export const documentLines = (
  lines: readonly OrderLine[],
  issuedOn: CalendarDate,
  facts: DocumentFacts,
): DocumentLine[] =>
  lines.map((line) => {
    const issue = facts.issueOf(line.issueId);
    const title = issue?.title ?? line.note;
    const unitName = (unitId: string) => facts.unitNameOf(unitId) ?? unitId;
    const note = line.note.trim();
    return {
      issueId: line.issueId,
      title,
      enterpriseName: issue ? (facts.enterpriseNameOf(issue.enterpriseId) ?? issue.enterpriseId) : '',
      leadUnitName: unitName(line.leadUnitId),
      coUnitNames: line.coUnitIds.map(unitName),
      dueDate: line.dueDate,
      dueWorkingDays: facts.workingDaysBetween(issuedOn, line.dueDate),
      ...(note && note !== title ? { note } : {}),
    };
  });
