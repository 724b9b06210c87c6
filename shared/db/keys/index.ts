/**
 * Every key of the program and ledger tables, one object per entity (`unitKeys`, `issueKeys`…): its
 * item keys, the items kept in its partition, and the index partitions it appears in (single-table
 * design; docs/data-model.md lists the access patterns). Nothing outside shared/db/keys spells a key.
 * Callers import the objects they use, so a bundle carries only those.
 */
export { accountabilityCaseKeys } from './accountability-cases';
export { agencyCaseKeys } from './agency-cases';
export { annualReportKeys, appraisalKeys } from './appraisals';
export { assessmentKeys } from './assessments';
export { attachmentKeys } from './attachments';
export * from './attributes';
export { batchKeys } from './batches';
export { cadreKeys, promotionKeys } from './cadres';
export { categoryKeys } from './categories';
export { consultationKeys } from './consultations';
export { dispatchOrderKeys } from './dispatch-orders';
export { enterpriseKeys } from './enterprises';
export { expertCampaignKeys } from './expert-campaigns';
export { expertKeys } from './experts';
export { gridKeys } from './grids';
export { issueKeys } from './issues';
export { keyEnterpriseKeys } from './key-enterprises';
export {
  LEDGER_DAY_INDEX,
  LEDGER_INDEXES,
  LEDGER_YEAR_INDEX,
  type LedgerIndexRange,
  ledgerDayKeysBeforeUpgrade,
  ledgerKeys,
  ledgerPeriodKeys,
} from './ledger';
export { deliveryKeys, subscriptionKeys } from './notifications';
export { placementKeys } from './placements';
export { policyKeys } from './policies';
export { calendarYearKeys, idempotencyKeys, programStatsKeys } from './program';
export { residencyKeys } from './residencies';
export { reviewRoundKeys } from './review-rounds';
export { dailyCloseKeys, inspectionKeys } from './rhythm';
export { scoringKeys } from './scoring';
export { trainingKeys } from './trainings';
export { unitKeys } from './units';
export { visitKeys } from './visits';
