import type { Placement } from '../../contract/placements';
import type { Evaluation, Residency, ServiceEntry } from '../../contract/residencies';
import type { PlacementRecord } from '../../repositories/records/placements';
import type {
  EvaluationRecord,
  ResidencyRecord,
  ServiceEntryRecord,
} from '../../repositories/records/residencies';
import { allFieldsShown } from '../record-view';

export const residencyView = allFieldsShown<ResidencyRecord, Residency>();
export const serviceEntryView = allFieldsShown<ServiceEntryRecord, ServiceEntry>();
export const evaluationView = allFieldsShown<EvaluationRecord, Evaluation>();
export const placementView = allFieldsShown<PlacementRecord, Placement>();
