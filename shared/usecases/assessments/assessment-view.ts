import type { Assessment } from '../../contract/assessments';
import type { AssessmentRecord } from '../../repositories/records/assessments';
import { allFieldsShown } from '../record-view';

export const assessmentView = allFieldsShown<AssessmentRecord, Assessment>();
