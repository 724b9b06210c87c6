import { describe, expect, it } from 'vitest';
import { summarizeIssueHistory } from '../../../../shared/domain/issues/history-summary';
import type { LedgerFacts } from '../../../../shared/domain/ledger/hash-chain';

let seq = 0;
const entry = (
  date: string,
  action: string,
  toStatus: string,
  data: Record<string, unknown> = {},
  role = 'operator',
): LedgerFacts => ({
  issueId: 'I1',
  seq: ++seq,
  // 02:00 UTC is 10:00 in Haining: the program date is the date written.
  at: `${date}T02:00:00.000Z`,
  actor: { sub: `${role}-1`, role },
  action,
  fromStatus: null,
  toStatus,
  data,
});

const names: Record<string, string> = { JX: '经信局', FG: '发改局', ZR: '自然资源局' };
const unitName = (unitId: string) => names[unitId] ?? unitId;

describe('summarizeIssueHistory', () => {
  it('tells a long history in order: raised, assigned, returned, supervised, re-reviewed, and why it is on the agenda', () => {
    const ledger = [
      entry('2026-03-02', 'raised', 'open', { source: 'visit' }, 'cadre'),
      entry('2026-03-03', 'escalated', 'assigned', {
        unitId: 'JX',
        dueDate: '2026-03-17',
        dueWorkingDays: 10,
      }),
      entry(
        '2026-03-05',
        'returned',
        'awaiting_dispatch',
        { unitId: 'JX', reasonCode: 'not_our_remit', note: '非本部门职责' },
        'department',
      ),
      entry('2026-03-06', 'dispatched', 'assigned', {
        unitId: 'ZR',
        dueDate: '2026-03-13',
        dueWorkingDays: 5,
      }),
      entry('2026-03-09', 'progress_reported', 'assigned', { note: '正在协调' }, 'department'),
      entry(
        '2026-03-16',
        'supervised',
        'assigned',
        { supervisionLevel: 1, card: 'yellow', workingDaysOverdue: 1 },
        'system',
      ),
      entry(
        '2026-03-19',
        'supervised',
        'assigned',
        { supervisionLevel: 2, card: 'red', workingDaysOverdue: 4 },
        'system',
      ),
      entry(
        '2026-03-20',
        'resolved',
        'awaiting_feedback',
        { unitId: 'ZR', onTime: false, workingDaysOverdue: 5 },
        'department',
      ),
      entry(
        '2026-03-23',
        're_review',
        'assigned',
        { verdict: 'unsatisfied', reReviewCount: 1, unitId: 'ZR', dueDate: '2026-03-27' },
        'enterprise',
      ),
      entry(
        '2026-03-26',
        'resolved',
        'awaiting_feedback',
        { unitId: 'ZR', onTime: true, workingDaysOverdue: 0 },
        'department',
      ),
      entry(
        '2026-03-27',
        're_review',
        'assigned',
        { verdict: 'unsatisfied', reReviewCount: 2, unitId: 'ZR', dueDate: '2026-04-03' },
        'enterprise',
      ),
      entry(
        '2026-04-01',
        'resolved',
        'awaiting_feedback',
        { unitId: 'ZR', onTime: true, workingDaysOverdue: 0 },
        'department',
      ),
      entry(
        '2026-04-02',
        'put_on_consultation_agenda',
        'awaiting_consultation',
        { verdict: 'unsatisfied', reReviewsExhausted: true },
        'enterprise',
      ),
    ];

    expect(summarizeIssueHistory(ledger, unitName)).toBe(
      [
        'Raised on 2026-03-02 on a grid visit.',
        'Escalated on 2026-03-03 and assigned to 经信局, due 2026-03-17 (10 working days).',
        'Returned on 2026-03-05 by 经信局 (reason: not our remit).',
        'Dispatched on 2026-03-06 to 自然资源局, due 2026-03-13 (5 working days).',
        'Overdue from 2026-03-16: supervised 2 times, reaching level 2 (red card), 4 working days overdue by 2026-03-19.',
        'Resolved on 2026-03-20 by 自然资源局, 5 working days late.',
        'On 2026-03-23 the enterprise was unsatisfied: re-review 1 by 自然资源局, due 2026-03-27.',
        'Resolved on 2026-03-26 by 自然资源局, on time.',
        'On 2026-03-27 the enterprise was unsatisfied: re-review 2 by 自然资源局, due 2026-04-03.',
        'Resolved on 2026-04-01 by 自然资源局, on time.',
        'On 2026-04-02 the enterprise was still unsatisfied; sent to consultation.',
        'On the agenda because the enterprise remained unsatisfied after 2 re-reviews.',
      ].join(' '),
    );
  });

  it('says when the assigned unit asked for consultation, and why', () => {
    const summary = summarizeIssueHistory(
      [
        entry('2026-03-02', 'raised', 'open', { source: 'self' }, 'enterprise'),
        entry('2026-03-02', 'escalated', 'awaiting_dispatch'),
        entry('2026-03-04', 'dispatched', 'assigned', {
          unitId: 'FG',
          dueDate: '2026-03-18',
          dueWorkingDays: 10,
        }),
        entry(
          '2026-03-10',
          'consultation_requested',
          'awaiting_consultation',
          { note: '涉及多部门用地指标' },
          'department',
        ),
      ],
      unitName,
    );

    expect(summary).toContain('Raised on 2026-03-02 by the enterprise itself.');
    expect(summary).toContain('Escalated on 2026-03-02, awaiting dispatch.');
    expect(summary).toContain('Consultation requested on 2026-03-10 by the assigned unit.');
    expect(summary).toMatch(/On the agenda because the assigned unit asked for it: 涉及多部门用地指标$/);
  });

  it('explains an overdue assignment past the supervision limit, and uses program (Shanghai) dates', () => {
    const summary = summarizeIssueHistory([
      { ...entry('2026-03-02', 'raised', 'open', { source: 'hotline' }), at: '2026-03-01T17:30:00.000Z' },
      entry(
        '2026-03-25',
        'put_on_consultation_agenda',
        'awaiting_consultation',
        {
          workingDaysOverdue: 7,
          supervisionLevel: 2,
        },
        'system',
      ),
    ]);

    expect(summary).toBe(
      'Raised on 2026-03-02 through the service hotline. Sent to consultation on 2026-03-25. ' +
        'On the agenda because it was still overdue (7 working days) at supervision level 2, the supervision limit.',
    );
  });

  it('names units by id when their names are unknown, and mentions a decision and a closure', () => {
    const summary = summarizeIssueHistory(
      [
        entry(
          '2026-04-10',
          'consultation_decided',
          'assigned',
          { leadUnitId: 'JX', coUnitIds: ['FG', 'U9'], dueDate: '2026-04-24' },
          'leader',
        ),
        entry(
          '2026-04-20',
          'resolved',
          'awaiting_feedback',
          { unitId: 'JX', onTime: true, workingDaysOverdue: 0 },
          'department',
        ),
        entry('2026-04-21', 'closed', 'closed', { verdict: 'basically_satisfied' }, 'enterprise'),
      ],
      unitName,
    );

    expect(summary).toBe(
      'Decided at consultation on 2026-04-10: lead 经信局 with 发改局, U9, due 2026-04-24. ' +
        'Resolved on 2026-04-20 by 经信局, on time. Closed on 2026-04-21: the enterprise was basically satisfied.',
    );
  });
});
