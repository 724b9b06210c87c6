import type { LedgerEntry } from './hash-chain';

/** The 台账 columns, in order, as Excel users read them. */
export const LEDGER_EXPORT_HEADERS = [
  '序号',
  '时间',
  '问题编号',
  '台账序号',
  '动作',
  '原状态',
  '新状态',
  '操作人',
  '操作角色',
  '单位',
  '说明',
  '哈希前16位',
] as const;

/**
 * Enough of the entry's chain hash to match a printed row to the chain (64 bits); the whole hash is
 * in `GET /issues/{id}/ledger`. The full 64 hex digits would be the largest, least compressible
 * column of the file (~1.6 MB of a city-year's export).
 */
export const HASH_PREFIX_LENGTH = 16;

const ACTIONS: Record<string, string> = {
  raised: '登记',
  resolved_on_spot: '现场解决',
  escalated: '上报交办',
  dispatched: '交办',
  progress_reported: '进展反馈',
  returned: '退单',
  consultation_requested: '申请会商',
  extension_requested: '申请延期',
  extension_approved: '批准延期',
  resolved: '办结',
  closed: '销号',
  re_review: '再梳理',
  put_on_consultation_agenda: '列入会商',
  consultation_decided: '会商决定',
  card_shown: '亮牌提醒',
  supervised: '督办',
  workflow_failed: '流程故障',
  workflow_restarted: '流程重启',
  attachment_added: '添加附件',
  attachment_abandoned: '清理未上传附件',
};

const STATUSES: Record<string, string> = {
  open: '待处理',
  awaiting_dispatch: '待交办',
  assigned: '办理中',
  awaiting_consultation: '待会商',
  awaiting_feedback: '待评价',
  closed: '已销号',
};

const ROLES: Record<string, string> = {
  enterprise: '企业',
  cadre: '干部',
  department: '部门',
  leader: '领导',
  operator: '服务中心',
  admin: '管理员',
  system: '系统',
};

const VALUES: Record<string, string> = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  unsatisfied: '不满意',
  no_response: '未回复',
  blue: '蓝牌',
  yellow: '黄牌',
  red: '红牌',
  not_our_remit: '不属本单位职责',
  needs_other_department: '需其他部门办理',
  insufficient_information: '信息不足',
  enterprise_unreachable: '联系不上企业',
  duplicate: '重复诉求',
  other: '其他',
};

const DATA_LABELS: Record<string, string> = {
  title: '标题',
  category: '类别',
  source: '来源',
  enterpriseId: '企业',
  resolution: '办理结果',
  reasonCode: '退单原因',
  note: '备注',
  reason: '理由',
  verdict: '评价',
  comment: '企业意见',
  closure: '销号方式',
  dueDate: '办理期限',
  dueWorkingDays: '工作日',
  previousDueDate: '原期限',
  workingDays: '延期工作日',
  workingDaysOverdue: '逾期工作日',
  supervisionLevel: '督办级别',
  card: '亮牌',
  reReviewCount: '再梳理次数',
  reReviewsExhausted: '再梳理已满',
  onTime: '按期',
  consultationId: '会商',
  dispatchOrderId: '交办单',
  leadUnitId: '牵头单位',
  coUnitIds: '协办单位',
  unitId: '单位',
  followUpDeadline: '回访期限',
  error: '错误',
  cause: '原因',
};

const valueText = (value: unknown): string => {
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (Array.isArray(value)) return value.map(valueText).join('、');
  if (typeof value === 'string') return VALUES[value] ?? value;
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
};

/** The entry's data as `标签：值` pairs, in a stable order (labelled keys first, as listed above). */
export const describeData = (data: Record<string, unknown>): string => {
  const known = Object.keys(DATA_LABELS).filter((key) => data[key] !== undefined && data[key] !== '');
  const others = Object.keys(data)
    .filter((key) => !(key in DATA_LABELS) && data[key] !== undefined)
    .sort();
  return [...known, ...others].map((key) => `${DATA_LABELS[key] ?? key}：${valueText(data[key])}`).join('；');
};

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** An instant as Asia/Shanghai wall-clock time, `YYYY-MM-DD HH:mm:ss`. */
export const programDateTimeOf = (at: string): string =>
  new Date(Date.parse(at) + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');

/** One row of the 台账 per entry, cells as text in LEDGER_EXPORT_HEADERS order. */
export const ledgerExportRow = (
  entry: LedgerEntry,
  rowNumber: number,
  unitName: (unitId: string) => string,
): string[] => [
  String(rowNumber),
  programDateTimeOf(entry.at),
  entry.issueId,
  String(entry.seq),
  ACTIONS[entry.action] ?? entry.action,
  entry.fromStatus ? (STATUSES[entry.fromStatus] ?? entry.fromStatus) : '',
  STATUSES[entry.toStatus] ?? entry.toStatus,
  entry.actor.sub,
  ROLES[entry.actor.role] ?? entry.actor.role,
  entry.unitId ? unitName(entry.unitId) : '',
  describeData(entry.data),
  entry.hash.slice(0, HASH_PREFIX_LENGTH),
];

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote, CR or LF, quotes doubled. A field
 * that Excel would take for a formula (starting with = + - @, tab or CR) is prefixed with `'`, so
 * text an enterprise typed can never run as a formula in the operator's spreadsheet.
 */
export const csvField = (value: string): string => {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

/** UTF-8 byte order mark: without it Excel opens a UTF-8 CSV as the local code page and garbles Chinese. */
export const UTF8_BOM = '\uFEFF';

/** The whole table as CSV text: BOM, header row, rows, CRLF line ends (what Excel writes). */
export const csvOf = (headers: readonly string[], rows: readonly (readonly string[])[]): string => {
  const lines = [headers, ...rows].map((row) => row.map(csvField).join(','));
  return `${UTF8_BOM}${lines.join('\r\n')}\r\n`;
};
