import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { EVENT_DETAIL_SCHEMAS } from '../../../../shared/contract/program-events';
import type { LedgerFacts } from '../../../../shared/domain/ledger/hash-chain';
import { issueEventsOf } from '../../../../shared/domain/notifications/issue-events';
import { programFactsOf } from '../../../../shared/domain/notifications/program-facts';

const entry = (action: string, toStatus: string, data: Record<string, unknown>, seq = 2): LedgerFacts => ({
  issueId: '01ISSUE',
  seq,
  at: '2026-12-05T02:00:00.000Z',
  actor: { sub: 'operator-1', role: 'operator' },
  action,
  fromStatus: 'open',
  toStatus,
  data,
  unitId: 'U1',
});

const validate = (event: { detailType: string; id: string; detail: Record<string, unknown> }) =>
  z.parse(EVENT_DETAIL_SCHEMAS[event.detailType as keyof typeof EVENT_DETAIL_SCHEMAS].schema, {
    ...event.detail,
    id: event.id,
  });

describe('issue events from ledger entries', () => {
  it('an escalation to a unit is IssueEscalated and IssueAssigned, with stable ids from the entry', () => {
    const events = issueEventsOf(
      entry('escalated', 'assigned', { unitId: 'U1', dueDate: '2026-12-19', dueWorkingDays: 10 }),
    );
    expect(events.map((event) => event.detailType)).toEqual(['IssueEscalated', 'IssueAssigned']);
    expect(events.map((event) => event.id)).toEqual([
      'issue/01ISSUE/2/IssueEscalated',
      'issue/01ISSUE/2/IssueAssigned',
    ]);
    expect(events[1]?.detail).toMatchObject({
      issueId: '01ISSUE',
      seq: 2,
      unitId: 'U1',
      dueDate: '2026-12-19',
      status: 'assigned',
    });
    for (const event of events) validate(event);
  });

  it('the same entry always makes the same events (a stream re-delivery)', () => {
    const once = issueEventsOf(
      entry('resolved', 'awaiting_feedback', { resolution: '已办', unitId: 'U1', onTime: true }),
    );
    expect(
      issueEventsOf(
        entry('resolved', 'awaiting_feedback', { resolution: '已办', unitId: 'U1', onTime: true }),
      ),
    ).toEqual(once);
    expect(once.map((event) => event.detailType)).toEqual(['IssueResolved', 'VerdictRequested']);
  });

  it('carries no free text and no actor: resolutions, notes, comments and reasons stay in the ledger', () => {
    const events = [
      ...issueEventsOf(
        entry('resolved', 'awaiting_feedback', { resolution: '张三已上门处理', unitId: 'U1' }),
      ),
      ...issueEventsOf(
        entry('returned', 'awaiting_dispatch', {
          unitId: 'U1',
          reasonCode: 'other',
          note: '联系人李四 13800000000',
        }),
      ),
      ...issueEventsOf(entry('closed', 'closed', { verdict: 'satisfied', comment: '王五很满意' })),
    ];
    const text = JSON.stringify(events);
    for (const secret of ['张三', '李四', '13800000000', '王五', 'operator-1'])
      expect(text).not.toContain(secret);
    for (const event of events) validate(event);
  });

  it('maps each meaningful action and leaves bookkeeping silent', () => {
    const typesOf = (action: string, toStatus: string, data: Record<string, unknown> = {}) =>
      issueEventsOf(entry(action, toStatus, data)).map((event) => event.detailType);
    expect(typesOf('raised', 'open')).toEqual(['IssueRaised']);
    expect(typesOf('escalated', 'awaiting_dispatch')).toEqual(['IssueEscalated']);
    expect(typesOf('dispatched', 'assigned')).toEqual(['IssueAssigned']);
    expect(typesOf('card_shown', 'assigned', { card: 'blue' })).toEqual(['IssueDueSoon']);
    expect(typesOf('supervised', 'assigned', { card: 'yellow', supervisionLevel: 1 })).toEqual([
      'IssueSupervised',
    ]);
    expect(typesOf('consultation_requested', 'awaiting_consultation')).toEqual(['IssueSentToConsultation']);
    expect(typesOf('consultation_decided', 'assigned', { dispatchOrderId: 'D1', leadUnitId: 'U2' })).toEqual([
      'ConsultationDecided',
      'IssueAssigned',
    ]);
    expect(typesOf('re_review', 'assigned', { verdict: 'unsatisfied' })).toEqual([
      'VerdictRecorded',
      'IssueAssigned',
    ]);
    expect(typesOf('closed', 'closed', { closure: 'no_response' })).toEqual(['IssueClosed']);
    expect(typesOf('progress_reported', 'assigned', { note: 'x' })).toEqual([]);
    expect(typesOf('workflow_failed', 'assigned')).toEqual([]);
  });
});

describe('program facts from program-table rows', () => {
  it('a new consultation is its agenda; a residency its start and end; a ranking head its revision', () => {
    const agenda = programFactsOf(
      {
        entity: 'consultation',
        id: 'C1',
        date: '2026-12-15',
        agendaIssueIds: ['I1', 'I2'],
        createdAt: '2026-12-05T01:00:00Z',
      },
      true,
    );
    expect(agenda.map((event) => [event.detailType, event.id])).toEqual([
      ['ConsultationAgendaReady', 'consultation/C1/agenda'],
    ]);
    for (const event of agenda) validate(event);
    const residency = {
      entity: 'residency',
      id: 'R1',
      cadreId: 'K1',
      enterpriseId: 'E1',
      batch: '2026-1',
      startDate: '2026-03-01',
      endDate: '2026-08-31',
      createdAt: '2026-02-01T00:00:00Z',
    };
    expect(programFactsOf(residency, true).map((event) => event.detailType)).toEqual(['ResidencyStarted']);
    expect(programFactsOf({ ...residency, status: 'active' }, false)).toEqual([]);
    const ended = programFactsOf({ ...residency, status: 'ended', endedOn: '2026-08-31' }, false);
    expect(ended.map((event) => event.id)).toEqual(['residency/R1/ended']);
    for (const event of [...programFactsOf(residency, true), ...ended]) validate(event);
    const ranking = programFactsOf(
      {
        entity: 'rankingHead',
        quarter: '2026-Q4',
        revision: 2,
        asOf: '2026-12-31',
        computedAt: '2027-01-02T00:00:00Z',
      },
      false,
    );
    expect(ranking.map((event) => event.id)).toEqual(['ranking/2026-Q4/2']);
    for (const event of ranking) validate(event);
    expect(programFactsOf({ entity: 'unit', id: 'U1' }, true)).toEqual([]);
  });
});
