import { accountabilityCaseKeys } from './accountability-cases';
import { assessmentKeys } from './assessments';
import { cadreKeys, promotionKeys } from './cadres';
import { consultationKeys } from './consultations';
import { dispatchOrderKeys } from './dispatch-orders';
import { enterpriseKeys } from './enterprises';
import { expertKeys } from './experts';
import { gridKeys } from './grids';
import { issueKeys, ledgerKeys } from './issues';
import { placementKeys } from './placements';
import { calendarYearKeys, idempotencyKeys, programStatsKeys } from './program';
import { residencyKeys } from './residencies';
import { dailyCloseKeys, inspectionKeys } from './rhythm';
import { scoringKeys } from './scoring';
import { trainingKeys } from './trainings';
import { unitKeys } from './units';
import { visitKeys } from './visits';

export * from './attributes';
export { LEDGER_INDEX } from './issues';

/**
 * Every key of the program and ledger tables, one object per entity: its item keys, the items kept in
 * its partition, and the index partitions it appears in (single-table design; docs/data-model.md
 * lists the access patterns). Nothing outside shared/db/keys spells a key.
 */
export const keys = {
  accountabilityCase: accountabilityCaseKeys,
  assessment: assessmentKeys,
  cadre: cadreKeys,
  calendarYear: calendarYearKeys,
  consultation: consultationKeys,
  dailyClose: dailyCloseKeys,
  dispatchOrder: dispatchOrderKeys,
  enterprise: enterpriseKeys,
  expert: expertKeys,
  grid: gridKeys,
  idempotency: idempotencyKeys,
  inspection: inspectionKeys,
  issue: issueKeys,
  ledger: ledgerKeys,
  placement: placementKeys,
  programStats: programStatsKeys,
  promotion: promotionKeys,
  residency: residencyKeys,
  scoring: scoringKeys,
  training: trainingKeys,
  unit: unitKeys,
  visit: visitKeys,
};
