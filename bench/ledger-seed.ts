import { createHash } from 'node:crypto';
import { chainEntry, GENESIS_HASH, type LedgerEntry } from '../shared/domain/ledger/hash-chain';

/**
 * A city-year of ledger history, deterministic: issues of five to seven entries (raised, escalated,
 * progress, resolved, verdict…) spread over 2025, each chained from the genesis hash, with notes of
 * the length operators and enterprises write.
 */
/** Cognito subs are UUIDs: random-looking, so they compress as badly as real ones. */
const subOf = (n: number) =>
  createHash('md5')
    .update(`user-${n}`)
    .digest('hex')
    .replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');

export const seedLedger = (total: number) => {
  const units = Array.from({ length: 40 }, (_, i) => ({
    id: `BENCHUNIT${String(i).padStart(3, '0')}`,
    name: i < 14 ? `海宁市第${i + 1}局` : `海宁市第${i - 13}镇街`,
    kind: i < 14 ? 'department' : 'town',
    entity: 'unit',
  }));
  const course = [
    {
      action: 'raised',
      fromStatus: null,
      toStatus: 'open',
      data: { title: '企业扩建缺少用地指标，需协调', category: 'land', source: 'visit' },
    },
    {
      action: 'escalated',
      fromStatus: 'open',
      toStatus: 'assigned',
      data: { dueDate: '2025-02-14', dueWorkingDays: 10 },
    },
    {
      action: 'progress_reported',
      fromStatus: 'assigned',
      toStatus: 'assigned',
      data: { note: '已联系自然资源部门，正在研究用地调整方案，预计两周内答复企业。' },
    },
    {
      action: 'resolved',
      fromStatus: 'assigned',
      toStatus: 'awaiting_feedback',
      data: {
        resolution: '经协调，已落实新增用地指标 20 亩，企业可按程序申报。',
        onTime: true,
        workingDaysOverdue: 0,
      },
    },
    {
      action: 'closed',
      fromStatus: 'awaiting_feedback',
      toStatus: 'closed',
      data: { verdict: 'satisfied', comment: '问题解决及时，非常满意。' },
    },
  ] as const;
  const entries: LedgerEntry[] = [];
  const days = 365;
  for (let issue = 0; entries.length < total; issue++) {
    const issueId = `BENCHISSUE${String(issue).padStart(8, '0')}`;
    const unitId = units[issue % units.length]?.id as string;
    const firstDay = Math.floor((issue * days * course.length) / total) % days;
    let prevHash = GENESIS_HASH;
    for (const [index, step] of course.entries()) {
      if (entries.length >= total) break;
      const day = Math.min(days - 1, firstDay + index * 2);
      const at = new Date(Date.UTC(2025, 0, 1 + day, 1 + (issue % 9), issue % 60)).toISOString();
      const entry = chainEntry(
        {
          issueId,
          seq: index + 1,
          at,
          actor: { sub: subOf((issue * 7 + index) % 400), role: index === 0 ? 'cadre' : 'department' },
          action: step.action,
          fromStatus: step.fromStatus,
          toStatus: step.toStatus,
          data: { ...step.data },
          ...(index === 0 ? {} : { unitId }),
        },
        prevHash,
      );
      prevHash = entry.hash;
      entries.push(entry);
    }
  }
  return { entries, units };
};
