/**
 * The expert panel (专家服务团, DOMAIN.md item 5): professors, accountants, consultants, lawyers and
 * engineers who give enterprises targeted help and draft sector upgrade plans.
 */
export const EXPERT_PROFESSIONS = {
  professor: '高校教授',
  accountant: '会计师',
  consultant: '咨询顾问',
  lawyer: '律师',
  engineer: '工程师',
  other: '其他',
} as const satisfies Record<string, string>;

export type ExpertProfession = keyof typeof EXPERT_PROFESSIONS;

export const EXPERT_PROFESSION_IDS = Object.keys(EXPERT_PROFESSIONS) as [
  ExpertProfession,
  ...ExpertProfession[],
];
