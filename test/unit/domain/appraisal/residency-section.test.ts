import { describe, expect, it } from 'vitest';
import { composeResidencySection, overlapsYear } from '../../../../shared/domain/appraisal/residency-section';
import { tallyVotes } from '../../../../shared/domain/appraisal/review-tally';

const facts = {
  residencyId: 'r1',
  enterpriseId: 'e1',
  enterpriseName: '海宁样例印染有限公司',
  batch: '2026-1',
  startDate: '2025-10-01',
  endDate: '2026-09-30',
  status: 'ended',
  services: [
    { date: '2025-12-01', type: 'project_application', fundsFen: 5_000_000 },
    { date: '2026-02-01', type: 'project_application', fundsFen: 1_234_500 },
    { date: '2026-03-01', type: 'approval_agency' },
  ],
  evaluation: { fitScore: 4, serviceScore: 5 },
  assessment: { conclusion: 'excellent' as const, headScore: 5 },
  review: tallyVotes([
    { voterGroup: 'enterprise', grade: 'excellent' },
    { voterGroup: 'cadres_public', grade: 'basically_competent' },
  ]),
};

describe("the residency section of a cadre's annual report (述职)", () => {
  it("counts only the year's services and writes evaluation, assessment and review into the paragraph", () => {
    const section = composeResidencySection('2026', facts);
    expect(section.servicesInYear).toEqual({
      entries: 2,
      fundsFen: 1_234_500,
      byType: { project_application: 1, approval_agency: 1 },
    });
    expect(section.democraticReview).toEqual({ votes: 2, approvalRate: 0.5, excellentRate: 0.5 });
    expect(section.text).toBe(
      '2025-10-01至2026-09-30驻海宁样例印染有限公司挂职（2026-1批）；2026年记录服务2项，涉及资金12345.00元；' +
        '企业评价：专业契合度4/5，服务5/5；专项考察：企业负责人评价5/5，结论优秀；民主评议2票，优秀和称职率50.0%。',
    );
  });

  it('says plainly what has not happened yet', () => {
    const section = composeResidencySection('2025', {
      ...facts,
      evaluation: null,
      assessment: null,
      review: null,
    });
    expect(section.servicesInYear.entries).toBe(1);
    expect(section.text).toContain('企业尚未评价；尚未专项考察；尚未民主评议');
  });

  it('takes a residency into a year it touches on any day', () => {
    expect(overlapsYear('2025-10-01', '2026-09-30', '2025')).toBe(true);
    expect(overlapsYear('2025-10-01', '2026-09-30', '2026')).toBe(true);
    expect(overlapsYear('2025-10-01', '2026-09-30', '2027')).toBe(false);
  });
});
