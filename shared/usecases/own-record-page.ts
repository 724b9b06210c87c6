import type { Page } from '../db/queries';

/**
 * The list a viewer scoped to one record gets (an enterprise account, a cadre): that record if it
 * exists and passes the list's filters, else nothing. Never a cursor: there is no second page.
 */
export const ownRecordPage = <T extends object>(
  record: T | undefined,
  filter: Partial<Record<keyof T, unknown>>,
): Page<T> => {
  const passes =
    record !== undefined &&
    Object.entries(filter).every(
      ([field, wanted]) => wanted === undefined || record[field as keyof T] === wanted,
    );
  return { items: passes ? [record] : [], nextCursor: null };
};

export const emptyPage = <T>(): Page<T> => ({ items: [], nextCursor: null });
