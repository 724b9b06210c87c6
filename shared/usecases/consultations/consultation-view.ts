import type { Consultation } from '../../contract/consultations';
import type { ConsultationRecord } from '../../repositories/records/consultations';

/**
 * A consultation as clients see it: the reserved id of its dispatch order and who wrote the record
 * stay inside; a meeting whose record is not written yet shows no chair, no attendees, no minutes.
 */
export const consultationView = (consultation: ConsultationRecord): Consultation => {
  const {
    dispatchOrderId: _reserved,
    recordedBy: _recordedBy,
    chair,
    attendees,
    minutes,
    ...view
  } = consultation;
  return {
    ...view,
    chair: chair ?? null,
    attendees: attendees ?? { leaders: [], unitIds: [] },
    minutes: minutes ?? null,
  };
};
