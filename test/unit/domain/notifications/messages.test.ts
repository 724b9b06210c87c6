import { describe, expect, it } from 'vitest';
import { audienceOf, defaultEventTypesOf } from '../../../../shared/domain/notifications/audience';
import { ALL_DETAIL_TYPES } from '../../../../shared/domain/notifications/catalogue';
import { messageFor } from '../../../../shared/domain/notifications/messages';

const context = { issueTitle: '用地指标', unitName: '市经信局', link: 'https://qinqing.test/issues/I1' };

describe('Chinese message templates', () => {
  it('an assignment names the issue, the unit, the dispatch order (or the issue number), the due date and a link', () => {
    const withOrder = messageFor(
      'IssueAssigned',
      { issueId: 'I1', dueDate: '2026-12-18' },
      { ...context, orderNumber: '2026-0007' },
    );
    expect(withOrder.text).toBe(
      '【亲清互挂】问题「用地指标」已交市经信局办理，交办单号2026-0007，办理期限2026-12-18。详情：https://qinqing.test/issues/I1',
    );
    expect(withOrder.params).toMatchObject({
      title: '用地指标',
      unit: '市经信局',
      order: '2026-0007',
      dueDate: '2026-12-18',
    });
    expect(messageFor('IssueAssigned', { issueId: 'I1', dueDate: '2026-12-18' }, context).text).toContain(
      '问题编号I1',
    );
  });

  it('asks the enterprise for its verdict, and every event type has a text with the link', () => {
    expect(messageFor('VerdictRequested', { issueId: 'I1' }, context).text).toContain('请对办理结果进行评价');
    for (const detailType of ALL_DETAIL_TYPES) {
      const message = messageFor(detailType, { issueId: 'I1' }, context);
      expect(message.text.startsWith('【亲清互挂】')).toBe(true);
      expect(message.text.endsWith(context.link)).toBe(true);
      expect(message.text).not.toContain('undefined');
    }
  });
});

describe('who hears what', () => {
  it('an assignment concerns the assigned unit, its co-units and the enterprise, not other units or roles', () => {
    expect(
      audienceOf('IssueAssigned', { unitId: 'U1', coUnitIds: ['U2'] }, { enterpriseId: 'E1', unitId: 'U1' }),
    ).toEqual([
      { kind: 'unit', id: 'U1' },
      { kind: 'unit', id: 'U2' },
      { kind: 'enterprise', id: 'E1' },
    ]);
  });

  it('the verdict request concerns the enterprise only; supervision the unit and the service centre', () => {
    expect(audienceOf('VerdictRequested', { unitId: 'U1' }, { enterpriseId: 'E1' })).toEqual([
      { kind: 'enterprise', id: 'E1' },
    ]);
    expect(audienceOf('IssueSupervised', { unitId: 'U1' }, { enterpriseId: 'E1' })).toEqual([
      { kind: 'unit', id: 'U1' },
      { kind: 'role', id: 'operator' },
    ]);
  });

  it('defaults: a unit hears its assignments, due soon and overdue; the enterprise resolution, verdict requested and closure; leaders the agenda', () => {
    expect(defaultEventTypesOf({ kind: 'unit', id: 'U1' })).toEqual(
      expect.arrayContaining(['IssueAssigned', 'IssueDueSoon', 'IssueSupervised']),
    );
    expect(defaultEventTypesOf({ kind: 'enterprise', id: 'E1' })).toEqual([
      'IssueResolved',
      'VerdictRequested',
      'IssueClosed',
    ]);
    expect(defaultEventTypesOf({ kind: 'role', id: 'leader' })).toContain('ConsultationAgendaReady');
    expect(defaultEventTypesOf({ kind: 'role', id: 'operator' })).toContain('IssueSupervised');
  });
});
