import type { LedgerEntry } from '../ledger/hash-chain';
import { visibilityOf } from './ledger-visibility';

/** The steps of an issue as its enterprise is told them. */
export const TIMELINE_STEPS = [
  'received',
  'dispatching',
  'assigned',
  'consultation',
  'due_date_changed',
  'resolved',
  'verdict_requested',
  'verdict',
  'closed',
] as const;
export type TimelineStep = (typeof TIMELINE_STEPS)[number];

export interface TimelineEntry {
  at: string;
  step: TimelineStep;
  text: string;
}

const VERDICT_WORDS: Record<string, string> = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  unsatisfied: '不满意',
};
const UNHAPPY_WORDS: Record<string, string> = { not_resolved: '问题未解决', not_understood: '不理解' };
const CLOSURE_WORDS: Record<string, string> = {
  satisfied: '您评价满意',
  basically_satisfied: '您评价基本满意',
  no_response: '未收到您的评价',
};

const stringOf = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const stringsOf = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

/**
 * An issue's history in plain words for its enterprise (`GET /issues/{id}/timeline`): received, who
 * handles it and by when, resolution, verdict requested and given, closed. Built from the public
 * ledger entries only, and from an allow-list of their fields (units, due dates, the resolution, the
 * verdict, the closure): return reasons, supervision, notes and calls never reach it.
 */
export const publicTimeline = (
  entries: readonly LedgerEntry[],
  unitName: (unitId: string) => string,
): TimelineEntry[] =>
  entries
    .filter((entry) => (entry.visibility ?? visibilityOf(entry.action)) === 'public')
    .flatMap((entry) => stepsOf(entry, unitName));

const stepsOf = (entry: LedgerEntry, unitName: (unitId: string) => string): TimelineEntry[] => {
  const { at, data } = entry;
  const step = (kind: TimelineStep, text: string): TimelineEntry => ({ at, step: kind, text });
  const assigned = (): TimelineEntry => {
    const unitId = stringOf(data.unitId) ?? stringOf(data.leadUnitId);
    const coUnits = stringsOf(data.coUnitIds).map(unitName);
    const dueDate = stringOf(data.dueDate);
    return step(
      'assigned',
      `由${unitId ? unitName(unitId) : '承办单位'}牵头办理${coUnits.length > 0 ? `，${coUnits.join('、')}协办` : ''}${dueDate ? `，办理期限至 ${dueDate}` : ''}。`,
    );
  };
  const verdict = (): TimelineEntry[] => {
    const given = stringOf(data.verdict);
    if (!given) return [];
    const reason = stringOf(data.reason);
    return [
      step(
        'verdict',
        `您的评价：${VERDICT_WORDS[given] ?? given}${reason && UNHAPPY_WORDS[reason] ? `（${UNHAPPY_WORDS[reason]}）` : ''}。`,
      ),
    ];
  };
  switch (entry.action) {
    case 'raised':
      return [step('received', '您的诉求已受理。')];
    case 'escalated':
      return data.unitId ? [assigned()] : [step('dispatching', '诉求已转交企业服务中心分派承办单位。')];
    case 'dispatched':
    case 'consultation_decided':
      return [assigned()];
    case 'returned':
      return [step('dispatching', '企业服务中心正在重新确定承办单位。')];
    case 'consultation_requested':
      return [step('consultation', '诉求已提交联席会商研究。')];
    case 'put_on_consultation_agenda':
      return [...verdict(), step('consultation', '诉求已提交联席会商研究。')];
    case 'extension_approved':
      return [step('due_date_changed', `办理期限调整至 ${stringOf(data.dueDate) ?? ''}。`)];
    case 'resolved':
    case 'resolved_on_spot':
      return [
        step('resolved', `办理结果：${stringOf(data.resolution) ?? ''}`),
        step('verdict_requested', '请您对办理结果作出评价。'),
      ];
    case 're_review':
      return [
        ...verdict(),
        data.unitId
          ? { ...assigned(), text: `已重新交办。${assigned().text}` }
          : step('dispatching', '诉求将重新办理。'),
      ];
    case 'closed': {
      const closure = stringOf(data.closure) ?? stringOf(data.verdict);
      return [
        ...verdict(),
        step('closed', `诉求已办结（${closure ? (CLOSURE_WORDS[closure] ?? closure) : '已办结'}）。`),
      ];
    }
    case 'closed_as_duplicate':
      return [
        step('closed', `该诉求与已受理的诉求 ${stringOf(data.duplicateOf) ?? ''} 重复，并入其中办理。`),
      ];
    default:
      return [];
  }
};
