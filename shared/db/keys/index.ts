/**
 * Every key of the program and ledger tables, one object per entity (`unitKeys`, `issueKeys`…): its
 * item keys, the items kept in its partition, and the index partitions it appears in (single-table
 * design; docs/data-model.md lists the access patterns). Nothing outside shared/db/keys spells a key.
 * Callers import the objects they use, so a bundle carries only those.
 */
export { accountabilityCaseKeys } from './accountability-cases';
export { assessmentKeys } from './assessments';
export { attachmentKeys } from './attachments';
export * from './attributes';
export { cadreKeys, promotionKeys } from './cadres';
export { consultationKeys } from './consultations';
export { dispatchOrderKeys } from './dispatch-orders';
export { enterpriseKeys } from './enterprises';
export { expertKeys } from './experts';
export { gridKeys } from './grids';
export { issueKeys, LEDGER_INDEX, ledgerKeys } from './issues';
export { deliveryKeys, subscriptionKeys } from './notifications';
export { placementKeys } from './placements';
export { calendarYearKeys, idempotencyKeys, programStatsKeys } from './program';
export { residencyKeys } from './residencies';
export { dailyCloseKeys, inspectionKeys } from './rhythm';
export { scoringKeys } from './scoring';
export { trainingKeys } from './trainings';
export { unitKeys } from './units';
export { visitKeys } from './visits';
