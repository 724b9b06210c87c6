import type { DispatchOrderDocument } from '../domain/dispatch-order-document';

/** The printed order's words, shared by its HTML and its PDF. */
export const LABELS = {
  title: '交办单',
  number: '编号',
  issuedOn: '日期',
  kind: '类型',
  index: '序号',
  issue: '问题',
  enterprise: '企业',
  leadUnit: '牵头单位',
  coUnits: '协办单位',
  due: '办结时限',
  note: '备注',
  none: '无',
  empty: '本交办单暂无事项。',
} as const;

export const KIND_LABELS: Record<DispatchOrderDocument['kind'], string> = {
  consultation: '协商会议交办',
  office: '服务中心交办',
};

/** `2026-12-20（10个工作日）` */
export const dueText = (dueDate: string, workingDays: number): string =>
  `${dueDate}（${workingDays}个工作日）`;

export const coUnitsText = (names: readonly string[]): string =>
  names.length > 0 ? names.join('、') : LABELS.none;

/** The document's title as a file and a window name: `交办单 2026-0007`. */
export const documentTitle = (document: DispatchOrderDocument): string =>
  `${LABELS.title} ${document.number}`;
