/** One decided issue in a dispatch order. */
export interface DispatchOrderLine {
  issueId: string;
  leadUnitId: string;
  coUnitIds: string[];
  dueDate: string;
  note: string;
}

/**
 * The order item of a 交办单, numbered `YYYY-NNNN` without gaps within the year: the decisions of one
 * consultation, or the office's escalations and re-dispatches of one program day (`kind: office`,
 * `date`). A consultation's lines are kept in it (`items`: a dozen decisions at most, written once);
 * an office order's are items of their own beside it, since the day's dispatches would otherwise
 * rewrite an ever larger item (office orders made before that keep theirs inline and read as before).
 */
export interface DispatchOrderHeader {
  id: string;
  number: string;
  year: number;
  seq: number;
  /** Orders made before office orders existed are consultation orders. */
  kind?: 'consultation' | 'office';
  consultationId?: string;
  /** The program day of an office order. */
  date?: string;
  /** The lines, when kept in the order item; absent when they are items of their own. */
  items?: DispatchOrderLine[];
  /** Every unit named in the order, lead or co: who may read it. */
  unitIds: string[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** A dispatch order with all its lines, as clients see it. */
export interface DispatchOrder extends DispatchOrderHeader {
  items: DispatchOrderLine[];
}

/** A line kept as an item of its own: the line and the instant its decision was made. */
export interface DispatchOrderLineRecord extends DispatchOrderLine {
  orderId: string;
  at: string;
}

const lineOf = ({
  issueId,
  leadUnitId,
  coUnitIds,
  dueDate,
  note,
}: DispatchOrderLineRecord): DispatchOrderLine => ({
  issueId,
  leadUnitId,
  coUnitIds,
  dueDate,
  note,
});

/**
 * The order as clients see it, from its order item and its line items in key (decision) order. The
 * lines kept inline, if the order item has them, are the order's. Otherwise the order's version and
 * last change are those it would have had had every line rewritten the order item, as lines kept
 * inline do: one version per line, changed when its last line was written.
 */
export const assembleDispatchOrder = (
  header: DispatchOrderHeader,
  lines: readonly DispatchOrderLineRecord[],
): DispatchOrder => {
  if (header.items) return { ...header, items: header.items };
  const last = lines.at(-1);
  return {
    ...header,
    items: lines.map(lineOf),
    version: Math.max(header.version, lines.length),
    updatedAt: last && last.at > header.updatedAt ? last.at : header.updatedAt,
  };
};
