/**
 * 容错免责 (DOMAIN.md item 11): a cadre's honest mistake in serving enterprises may be exempted under
 * one of eight situations, or must be held to account under one of six. DOMAIN.md names only the
 * counts, so the wording of each situation is ours (docs/registries.md says so), modelled on the
 * fault-tolerance rules Zhejiang's cities published: the codes are stable, the wording may be revised.
 */
export const EXEMPTION_SITUATIONS = {
  E1: '在推进改革创新中因缺乏经验、先行先试出现失误',
  E2: '在上级尚无明确规定时为推动发展大胆探索出现失误',
  E3: '在服务企业、破解企业难题中因政策界限不明确出现偏差',
  E4: '因不可抗力或难以预见的客观因素未能实现预期目标',
  E5: '在处置突发事件中为维护企业和群众利益主动担当出现失误',
  E6: '经集体决策、程序合规，因客观原因未达预期效果',
  E7: '积极履职、已尽职责，因企业或第三方原因造成损失',
  E8: '其他出于公心、未谋私利且未造成重大损失的失误',
} as const satisfies Record<string, string>;

export const ACCOUNTABILITY_SITUATIONS = {
  A1: '在服务企业中谋取私利、收受财物或违反廉洁纪律',
  A2: '明知违反法律法规和政策规定仍然为之',
  A3: '不作为、慢作为、推诿扯皮致使企业诉求久拖不决',
  A4: '弄虚作假、隐瞒实情或瞒报企业问题办理情况',
  A5: '违反民主集中制、个人专断决策造成损失',
  A6: '泄露企业商业秘密或滥用职权干预企业正常经营',
} as const satisfies Record<string, string>;

export type ExemptionCode = keyof typeof EXEMPTION_SITUATIONS;
export type AccountabilityCode = keyof typeof ACCOUNTABILITY_SITUATIONS;
export type SituationCode = ExemptionCode | AccountabilityCode;

export const CASE_KINDS = ['exemption', 'accountability'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

export const SITUATIONS_BY_KIND: Record<CaseKind, Readonly<Record<string, string>>> = {
  exemption: EXEMPTION_SITUATIONS,
  accountability: ACCOUNTABILITY_SITUATIONS,
};

export const SITUATION_CODES = [
  ...Object.keys(EXEMPTION_SITUATIONS),
  ...Object.keys(ACCOUNTABILITY_SITUATIONS),
] as [SituationCode, ...SituationCode[]];

/**
 * What a case can end in. An exemption request is granted (免责), granted in part (从轻、减轻) or
 * refused (不予免责); an accountability case ends in accountability (予以问责) or none (不予问责).
 */
export const DECISIONS_BY_KIND = {
  exemption: ['exempted', 'partially_exempted', 'not_exempted'],
  accountability: ['held_accountable', 'not_held_accountable'],
} as const satisfies Record<CaseKind, readonly string[]>;

export type CaseDecision = (typeof DECISIONS_BY_KIND)[CaseKind][number];

export const CASE_DECISIONS = [...DECISIONS_BY_KIND.exemption, ...DECISIONS_BY_KIND.accountability] as [
  CaseDecision,
  ...CaseDecision[],
];

export const DECISION_LABELS: Record<CaseDecision, string> = {
  exempted: '予以免责',
  partially_exempted: '从轻或减轻处理',
  not_exempted: '不予免责',
  held_accountable: '予以问责',
  not_held_accountable: '不予问责',
};

/** A case is pending until decided, once: a decision is never rewritten (a new case reopens it). */
export const CASE_STATUSES = ['pending', 'decided'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** The codes of `codes` that do not belong to `kind` (E-codes are exemptions, A-codes accountability). */
export const situationCodesNotOf = (kind: CaseKind, codes: readonly string[]): string[] =>
  codes.filter((code) => !(code in SITUATIONS_BY_KIND[kind]));

export const decisionFits = (kind: CaseKind, decision: CaseDecision): boolean =>
  (DECISIONS_BY_KIND[kind] as readonly string[]).includes(decision);
