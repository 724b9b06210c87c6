import type { Consultation } from '../../contract/consultations';
import type { ConsultationRecord } from '../../repositories/records/consultations';

/** A consultation as clients see it: the reserved id of its dispatch order stays inside. */
export const consultationView = (consultation: ConsultationRecord): Consultation => {
  const { dispatchOrderId: _reserved, ...view } = consultation;
  return view;
};
