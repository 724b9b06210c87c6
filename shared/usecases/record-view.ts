import type { Page } from '../db/queries';

/**
 * The view of a record whose every stored field clients see (most entities today). It compiles only
 * while the stored record fits the view and has no field the view lacks: a field kept in storage alone
 * makes it fail, and the entity's view then leaves that field out itself (as consultationView does).
 */
export const allFieldsShown =
  <Stored extends View, View>(
    ..._noStoredOnlyField: [Exclude<keyof Stored, keyof View>] extends [never] ? [] : [never]
  ) =>
  (record: Stored): View =>
    record;

/** A page of records as a page of views. */
export const pageView = <Stored, View>(page: Page<Stored>, view: (record: Stored) => View): Page<View> => ({
  items: page.items.map(view),
  nextCursor: page.nextCursor,
});
