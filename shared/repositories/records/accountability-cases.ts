import type { RecordMeta } from '../../db/records';
import type { CaseDecision, CaseKind, CaseStatus, SituationCode } from '../../domain/accountability';

export interface AccountabilityCaseRecord extends RecordMeta {
  cadreId: string;
  unitId: string;
  kind: CaseKind;
  situationCodes: SituationCode[];
  date: string;
  summary: string;
  enterpriseId?: string;
  evidence: {
    description: string;
    reference?: string;
  }[];
  status: CaseStatus;
  decision: CaseDecision | null;
  decisionReason: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
}
