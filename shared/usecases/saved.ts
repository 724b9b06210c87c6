/** What a create-or-update leaves: the record as stored, and whether this call created it. */
export interface Saved<T> {
  record: T;
  created: boolean;
}
