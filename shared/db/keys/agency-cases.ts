import type { IndexPartition, ItemKey, KeyRange } from './attributes';

/**
 * Agency cases (全程代办, docs/key-enterprises.md): a case in its own partition with its steps
 * (`STEP#<2-digit place>`, so a key query reads them in order) and its ledger (`LEDGER#<ULID>`: each
 * step writes its own entry, in time order, without contending with the others). GSI1 all cases,
 * GSI2 an enterprise's, GSI3 an agent cadre's, in opening order; a step is in GSI1 of its owner
 * unit (`AGENCYSTEP#UNIT#<unit>`) by due date.
 */
const place = (n: number) => String(n).padStart(2, '0');

export const agencyCaseKeys = {
  item: (caseId: string): ItemKey => ({ pk: `AGENCY#${caseId}`, sk: 'CASE' }),
  step: (caseId: string, n: number): ItemKey => ({ pk: `AGENCY#${caseId}`, sk: `STEP#${place(n)}` }),
  stepsOf: (caseId: string): KeyRange => ({ partition: `AGENCY#${caseId}`, sortPrefix: 'STEP#' }),
  ledgerEntry: (caseId: string, entryId: string): ItemKey => ({
    pk: `AGENCY#${caseId}`,
    sk: `LEDGER#${entryId}`,
  }),
  ledgerOf: (caseId: string): KeyRange => ({ partition: `AGENCY#${caseId}`, sortPrefix: 'LEDGER#' }),
  all: (): IndexPartition => ({ index: 'GSI1', partition: 'AGENCY' }),
  byEnterprise: (enterpriseId: string): IndexPartition => ({
    index: 'GSI2',
    partition: `AGENCY#ENT#${enterpriseId}`,
  }),
  byAgent: (cadreId: string): IndexPartition => ({ index: 'GSI3', partition: `AGENCY#AGENT#${cadreId}` }),
  stepsOwnedBy: (unitId: string, sort?: string): IndexPartition => ({
    index: 'GSI1',
    partition: `AGENCYSTEP#UNIT#${unitId}`,
    ...(sort === undefined ? {} : { sort }),
  }),
};
