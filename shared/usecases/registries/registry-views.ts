import type { AccountabilityCase } from '../../contract/accountability-cases';
import type { Engagement, Expert } from '../../contract/experts';
import type { Promotion } from '../../contract/promotions';
import type { Attendance, Training } from '../../contract/trainings';
import type { AccountabilityCaseRecord } from '../../repositories/records/accountability-cases';
import type { EngagementRecord, ExpertRecord } from '../../repositories/records/experts';
import type { PromotionRecord } from '../../repositories/records/promotions';
import type { AttendanceRecord, TrainingRecord } from '../../repositories/records/trainings';
import { allFieldsShown } from '../record-view';

export const expertView = allFieldsShown<ExpertRecord, Expert>();
export const engagementView = allFieldsShown<EngagementRecord, Engagement>();
export const trainingView = allFieldsShown<TrainingRecord, Training>();
export const attendanceView = allFieldsShown<AttendanceRecord, Attendance>();
export const caseView = allFieldsShown<AccountabilityCaseRecord, AccountabilityCase>();
export const promotionView = allFieldsShown<PromotionRecord, Promotion>();
