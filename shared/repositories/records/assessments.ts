import type { RecordMeta } from '../../db/records';

export interface AssessmentRecord extends RecordMeta {
  headEvaluation: {
    score: number;
    comment: string;
  };
  selfSummary: string;
  conclusion?: 'excellent' | 'competent' | 'basically_competent' | 'incompetent';
  residencyId: string;
  cadreId: string;
  enterpriseId: string;
  unitId: string;
  batch: string;
  year: string;
  enterpriseFeedback: {
    serviceEntries: number;
    fundsFen: number;
    evaluations: number;
    averageFitScore: number | null;
    averageServiceScore: number | null;
    issuesCoordinated: {
      count: number;
      closed: number;
      satisfied: number;
      issueIds: string[];
    };
  };
  pastRecord: {
    promotions: {
      id: string;
      date: string;
      fromRank: string;
      toRank: string;
    }[];
    accountabilityCases: {
      id: string;
      kind: string;
      date: string;
      situationCodes: string[];
      status: string;
      decision: string | null;
    }[];
    earlierResidencies: {
      id: string;
      enterpriseId: string;
      batch: string;
      startDate: string;
      endDate: string;
      status: string;
      assessed: boolean;
      conclusion?: string;
    }[];
  };
  assessedBy: {
    sub: string;
    role: string;
  };
}
