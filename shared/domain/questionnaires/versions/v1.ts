import type { Questionnaire } from '../questionnaire';

const yesNoUnknown = [
  { value: 'yes', label: '是' },
  { value: 'no', label: '否' },
  { value: 'unknown', label: '不清楚' },
] as const;

/**
 * 亲清走访问卷 第1版: what grid teams ask an enterprise at a routine visit — how the business runs,
 * money, land and energy, people, whether policies reach it, and how satisfied it is with the
 * government's service. Problems it names are raised as issues with the visit, not answered here.
 */
export const questionnaireV1: Questionnaire = {
  version: 1,
  title: '海宁市“亲清互挂”网格走访企业问卷（第1版）',
  effectiveFrom: '2018-01-01',
  sections: [
    { title: '一、生产经营', questionIds: ['q1', 'q2', 'q3', 'q4', 'q5'] },
    { title: '二、融资', questionIds: ['q6', 'q7', 'q8'] },
    { title: '三、用地与用能', questionIds: ['q9', 'q10', 'q11'] },
    { title: '四、人才与用工', questionIds: ['q12', 'q13'] },
    { title: '五、政策知晓与享受', questionIds: ['q14', 'q15', 'q16'] },
    { title: '六、服务满意度与意见建议', questionIds: ['q17', 'q18', 'q19'] },
  ],
  questions: [
    {
      id: 'q1',
      text: '企业当前生产经营状况',
      type: 'choice',
      required: true,
      options: [
        { value: 'good', label: '良好' },
        { value: 'normal', label: '一般' },
        { value: 'difficult', label: '困难' },
        { value: 'suspended', label: '停产或半停产' },
      ],
    },
    {
      id: 'q2',
      text: '今年以来订单较去年同期',
      type: 'choice',
      options: [
        { value: 'up', label: '增长' },
        { value: 'flat', label: '基本持平' },
        { value: 'down', label: '下降' },
      ],
    },
    { id: 'q3', text: '在职员工人数', type: 'integer', required: true, min: 0, max: 200_000, unit: '人' },
    { id: 'q4', text: '上年度营业收入', type: 'number', min: 0, max: 100_000_000, unit: '万元' },
    { id: 'q5', text: '是否有技术改造、扩产或新上项目计划', type: 'boolean' },
    { id: 'q6', text: '目前是否有融资需求', type: 'boolean', required: true },
    { id: 'q7', text: '融资需求金额', type: 'number', min: 0, max: 10_000_000, unit: '万元' },
    {
      id: 'q8',
      text: '希望通过哪些渠道融资（可多选）',
      type: 'multi_choice',
      min: 1,
      options: [
        { value: 'bank_loan', label: '银行贷款' },
        { value: 'guarantee', label: '政策性担保' },
        { value: 'equity', label: '股权融资' },
        { value: 'listing', label: '股改上市' },
        { value: 'industry_fund', label: '政府产业基金' },
        { value: 'leasing', label: '融资租赁' },
      ],
    },
    { id: 'q9', text: '是否有新增用地需求', type: 'boolean' },
    { id: 'q10', text: '新增用地需求面积', type: 'number', min: 0, max: 10_000, unit: '亩' },
    {
      id: 'q11',
      text: '用电、用气、用能指标是否制约生产',
      type: 'choice',
      options: [...yesNoUnknown],
    },
    {
      id: 'q12',
      text: '当前用工方面的主要困难（可多选）',
      type: 'multi_choice',
      min: 1,
      options: [
        { value: 'general_workers', label: '普工招工难' },
        { value: 'skilled_workers', label: '技术工人短缺' },
        { value: 'managers', label: '中高层管理人才短缺' },
        { value: 'researchers', label: '研发人才短缺' },
        { value: 'labour_cost', label: '用工成本上升' },
        { value: 'housing', label: '员工住宿、子女入学难' },
        { value: 'none', label: '无明显困难' },
      ],
    },
    { id: 'q13', text: '今年计划新招员工人数', type: 'integer', min: 0, max: 50_000, unit: '人' },
    {
      id: 'q14',
      text: '对各级惠企政策的了解程度',
      type: 'choice',
      required: true,
      options: [
        { value: 'very_well', label: '非常了解' },
        { value: 'fairly_well', label: '比较了解' },
        { value: 'somewhat', label: '一般' },
        { value: 'not_at_all', label: '不了解' },
      ],
    },
    {
      id: 'q15',
      text: '今年已享受的政策（可多选）',
      type: 'multi_choice',
      min: 1,
      options: [
        { value: 'tax_relief', label: '减税降费' },
        { value: 'job_stabilisation', label: '稳岗返还' },
        { value: 'tech_upgrade_subsidy', label: '技改补助' },
        { value: 'rnd_deduction', label: '研发费用加计扣除' },
        { value: 'talent_subsidy', label: '人才补贴' },
        { value: 'energy_price', label: '用能价格优惠' },
        { value: 'none', label: '尚未享受' },
      ],
    },
    { id: 'q16', text: '是否希望安排政策专人上门解读', type: 'boolean' },
    {
      id: 'q17',
      text: '对政府部门服务企业的总体评价',
      type: 'choice',
      required: true,
      options: [
        { value: 'satisfied', label: '满意' },
        { value: 'basically_satisfied', label: '基本满意' },
        { value: 'unsatisfied', label: '不满意' },
      ],
    },
    { id: 'q18', text: '对本次走访小组服务的评分（1–10分）', type: 'integer', min: 1, max: 10 },
    { id: 'q19', text: '其他意见和建议', type: 'text', max: 2000 },
  ],
};
