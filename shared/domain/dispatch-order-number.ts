/**
 * 交办单 numbers: the year and the order's place in it, `2026-0007` for the seventh order of 2026.
 * Four digits at least, more once a year passes 9999 orders (the number never wraps or truncates).
 */
export const dispatchOrderNumber = (year: number, seq: number): string => {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`invalid year ${year}`);
  if (!Number.isInteger(seq) || seq < 1) throw new RangeError(`invalid order sequence ${seq}`);
  return `${year}-${String(seq).padStart(4, '0')}`;
};

/** Sorts orders by year, then sequence, as strings (for an index sort key), past 9999 orders too. */
export const dispatchOrderSortKey = (year: number, seq: number): string =>
  `${year}#${String(seq).padStart(10, '0')}`;
