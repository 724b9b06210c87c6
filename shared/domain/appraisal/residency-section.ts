import type { AppraisalGrade } from './grade-approval';
import type { ReviewTally } from './review-tally';

/**
 * The residency section of a cadre's annual report (述职报告): the seed has the service of a
 * seconded cadre "单独写入述职报告". One paragraph per residency that overlaps the year, composed
 * from the records: services logged in the year (count, funds, by type), the enterprise's
 * evaluation, the assessment (专项考察) and the democratic review of the residency's batch.
 */
export interface ResidencyFacts {
  residencyId: string;
  enterpriseId: string;
  enterpriseName: string;
  batch: string;
  startDate: string;
  /** The day it ended, or its planned end while it runs. */
  endDate: string;
  status: string;
  services: readonly { date: string; type: string; fundsFen?: number }[];
  evaluation: { fitScore: number; serviceScore: number } | null;
  assessment: { conclusion?: AppraisalGrade; headScore: number } | null;
  review: ReviewTally | null;
}

export interface ResidencySection {
  residencyId: string;
  enterpriseId: string;
  enterpriseName: string;
  batch: string;
  startDate: string;
  endDate: string;
  status: string;
  servicesInYear: { entries: number; fundsFen: number; byType: Record<string, number> };
  evaluation: { fitScore: number; serviceScore: number } | null;
  assessment: { conclusion: AppraisalGrade | null; headScore: number } | null;
  democraticReview: { votes: number; approvalRate: number | null; excellentRate: number | null } | null;
  /** The paragraph as it is written into the report (Chinese, as the report is). */
  text: string;
}

const GRADE_NAMES: Record<AppraisalGrade, string> = {
  excellent: '优秀',
  competent: '称职',
  basically_competent: '基本称职',
  incompetent: '不称职',
};

const yuan = (fen: number): string => (fen / 100).toFixed(2);
const percent = (rate: number): string => `${(rate * 100).toFixed(1)}%`;

/** Whether the residency's days [start, end] meet the calendar year. */
export const overlapsYear = (startDate: string, endDate: string, year: string): boolean =>
  startDate.slice(0, 4) <= year && endDate.slice(0, 4) >= year;

export const composeResidencySection = (year: string, facts: ResidencyFacts): ResidencySection => {
  const inYear = facts.services.filter((service) => service.date.startsWith(`${year}-`));
  const byType: Record<string, number> = {};
  for (const service of inYear) byType[service.type] = (byType[service.type] ?? 0) + 1;
  const fundsFen = inYear.reduce((sum, service) => sum + (service.fundsFen ?? 0), 0);
  const parts = [
    `${facts.startDate}至${facts.endDate}驻${facts.enterpriseName}挂职（${facts.batch}批）`,
    `${year}年记录服务${inYear.length}项，涉及资金${yuan(fundsFen)}元`,
    facts.evaluation
      ? `企业评价：专业契合度${facts.evaluation.fitScore}/5，服务${facts.evaluation.serviceScore}/5`
      : '企业尚未评价',
    facts.assessment
      ? `专项考察：企业负责人评价${facts.assessment.headScore}/5${
          facts.assessment.conclusion ? `，结论${GRADE_NAMES[facts.assessment.conclusion]}` : ''
        }`
      : '尚未专项考察',
    facts.review && facts.review.votes > 0
      ? `民主评议${facts.review.votes}票，优秀和称职率${percent(facts.review.approvalRate ?? 0)}`
      : '尚未民主评议',
  ];
  return {
    residencyId: facts.residencyId,
    enterpriseId: facts.enterpriseId,
    enterpriseName: facts.enterpriseName,
    batch: facts.batch,
    startDate: facts.startDate,
    endDate: facts.endDate,
    status: facts.status,
    servicesInYear: { entries: inYear.length, fundsFen, byType },
    evaluation: facts.evaluation,
    assessment: facts.assessment && {
      conclusion: facts.assessment.conclusion ?? null,
      headScore: facts.assessment.headScore,
    },
    democraticReview: facts.review && {
      votes: facts.review.votes,
      approvalRate: facts.review.approvalRate,
      excellentRate: facts.review.excellentRate,
    },
    text: `${parts.join('；')}。`,
  };
};
