import { describe, expect, it } from 'vitest';
import { visibilityOf } from '../../../../shared/domain/issues/ledger-visibility';
import { publicTimeline } from '../../../../shared/domain/issues/timeline';
import { chainEntry, GENESIS_HASH, type LedgerEntry } from '../../../../shared/domain/ledger/hash-chain';

const entry = (seq: number, action: string, data: Record<string, unknown>, stored = true): LedgerEntry =>
  chainEntry(
    {
      issueId: 'I1',
      seq,
      at: `2026-03-0${seq}T09:00:00+08:00`,
      actor: { sub: 's', role: 'operator' },
      action,
      fromStatus: null,
      toStatus: 'x',
      data,
      ...(stored ? { visibility: visibilityOf(action) } : {}),
    },
    GENESIS_HASH,
  );

const names = (unitId: string) => ({ U1: '经信局', U2: '自然资源局' })[unitId] ?? unitId;

describe('the public timeline', () => {
  const ledger = [
    entry(1, 'raised', { title: '用地' }),
    entry(2, 'escalated', { unitId: 'U1', coUnitIds: ['U2'], dueDate: '2026-03-16' }),
    entry(3, 'return_requested', { reasonCode: 'other', note: '内部退单理由' }),
    entry(4, 'return_rejected', { decisionReason: '内部驳回理由' }),
    entry(5, 'supervised', { supervisionLevel: 1 }),
    entry(6, 'resolved', { resolution: '已协调用地指标', missingCoReportsReason: '内部说明' }),
    entry(7, 'follow_up_recorded', { note: '电话无人接听', contact: '王经理' }),
    entry(8, 'closed', { verdict: 'basically_satisfied', channel: 'phone' }),
  ];

  it('tells the enterprise what happened in plain words, never an internal reason or note', () => {
    const timeline = publicTimeline(ledger, names);
    expect(timeline.map((step) => step.step)).toEqual([
      'received',
      'assigned',
      'resolved',
      'verdict_requested',
      'verdict',
      'closed',
    ]);
    expect(timeline[1]?.text).toBe('由经信局牵头办理，自然资源局协办，办理期限至 2026-03-16。');
    expect(timeline[2]?.text).toContain('已协调用地指标');
    const text = JSON.stringify(timeline);
    for (const internal of [
      '内部退单理由',
      '内部驳回理由',
      '内部说明',
      '电话无人接听',
      '王经理',
      'supervis',
    ]) {
      expect(text).not.toContain(internal);
    }
  });

  it('applies the same rule to entries written before they stated a visibility', () => {
    const old = [entry(1, 'raised', {}, false), entry(2, 'progress_reported', { note: '内部进展' }, false)];
    expect(publicTimeline(old, names).map((step) => step.step)).toEqual(['received']);
  });

  it('tells a duplicate’s enterprise which issue it joined', () => {
    const [step] = publicTimeline([entry(1, 'closed_as_duplicate', { duplicateOf: 'I0' })], names);
    expect(step).toMatchObject({ step: 'closed' });
    expect(step?.text).toContain('I0');
  });
});
