/** The filters of GET /enterprises: where the enterprise is, its industry, its name's start, its credit code. */
export interface EnterpriseLookup {
  gridId?: string;
  townUnitId?: string;
  industry?: string;
  namePrefix?: string;
  creditCode?: string;
}

type Looked = Required<Pick<EnterpriseLookup, 'gridId' | 'townUnitId' | 'industry' | 'creditCode'>> & {
  name: string;
};

/** Whether one enterprise passes the filters (those not given pass everything). */
export const matchesEnterpriseLookup = (enterprise: Looked, lookup: EnterpriseLookup): boolean =>
  (lookup.gridId === undefined || enterprise.gridId === lookup.gridId) &&
  (lookup.townUnitId === undefined || enterprise.townUnitId === lookup.townUnitId) &&
  (lookup.industry === undefined || enterprise.industry === lookup.industry) &&
  (lookup.creditCode === undefined || enterprise.creditCode === lookup.creditCode) &&
  (lookup.namePrefix === undefined || enterprise.name.startsWith(lookup.namePrefix));
