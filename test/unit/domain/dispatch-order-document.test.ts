import { describe, expect, it } from 'vitest';
import { type DocumentFacts, documentLines } from '../../../shared/domain/dispatch-order-document';

const facts: DocumentFacts = {
  issueOf: (id) => (id === 'i1' ? { title: '用电增容', enterpriseId: 'e1' } : undefined),
  enterpriseNameOf: (id) => (id === 'e1' ? '海宁经编有限公司' : undefined),
  unitNameOf: (id) => ({ u1: '发展和改革局', u2: '供电公司' })[id],
  workingDaysBetween: (from, to) => (from === '2026-12-07' && to === '2026-12-21' ? 10 : Number.NaN),
};

const line = { issueId: 'i1', leadUnitId: 'u1', coUnitIds: ['u2'], dueDate: '2026-12-21', note: '用电增容' };

describe('documentLines', () => {
  it('names the issue, enterprise and units, and counts working days from the day of issue', () => {
    expect(documentLines([line], '2026-12-07', facts)).toEqual([
      {
        issueId: 'i1',
        title: '用电增容',
        enterpriseName: '海宁经编有限公司',
        leadUnitName: '发展和改革局',
        coUnitNames: ['供电公司'],
        dueDate: '2026-12-21',
        dueWorkingDays: 10,
      },
    ]);
  });

  it('prints a note that says more than the title (a consultation’s decision), not one that repeats it', () => {
    const [decided] = documentLines([{ ...line, note: '  请牵头协调增容方案 ' }], '2026-12-07', facts);
    expect(decided?.note).toBe('请牵头协调增容方案');
    expect(documentLines([{ ...line, note: ' ' }], '2026-12-07', facts)[0]).not.toHaveProperty('note');
  });

  it('prints an id where a name cannot be found, so the line stays traceable', () => {
    const [orphan] = documentLines(
      [{ ...line, issueId: 'gone', leadUnitId: 'u9', coUnitIds: [], note: '旧标题' }],
      '2026-12-07',
      facts,
    );
    expect(orphan).toMatchObject({
      title: '旧标题',
      enterpriseName: '',
      leadUnitName: 'u9',
      coUnitNames: [],
    });
  });
});
