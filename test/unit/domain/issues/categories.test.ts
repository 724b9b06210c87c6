import { describe, expect, it } from 'vitest';
import {
  CATEGORY_CODE,
  DEFAULT_CATEGORIES,
  defaultUnitProblems,
  isChoosingAUnit,
  suggestedUnitOf,
} from '../../../../shared/domain/issues/categories';
import { ISSUE_STATUSES } from '../../../../shared/domain/issues/issue';

describe('the problem taxonomy', () => {
  it('starts from well-formed, distinct codes that keep the ones earlier clients send', () => {
    const codes = DEFAULT_CATEGORIES.map((category) => category.code);
    expect(codes.every((code) => CATEGORY_CODE.test(code))).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toEqual(expect.arrayContaining(['land', 'energy', 'licence', 'housing', 'other']));
    expect(codes).toEqual(
      expect.arrayContaining([
        'financing',
        'labour',
        'approvals',
        'policy_payments',
        'infrastructure',
        'environment',
      ]),
    );
  });

  it('takes lower-case URL-safe codes only', () => {
    expect(CATEGORY_CODE.test('policy_payments')).toBe(true);
    expect(CATEGORY_CODE.test('land-2')).toBe(true);
    for (const bad of ['Land', 'land use', '要素保障', '', '_land', 'x'.repeat(41)]) {
      expect(CATEGORY_CODE.test(bad), bad).toBe(false);
    }
  });

  it('accepts a department as default unit and refuses a town', () => {
    expect(defaultUnitProblems({ kind: 'department' })).toEqual([]);
    expect(defaultUnitProblems({ kind: 'town' })).toEqual([
      { path: 'body.defaultUnitId', message: expect.stringContaining('department') },
    ]);
  });

  it('suggests the default unit only while the office is still to choose one', () => {
    const category = { defaultUnitId: 'D1' };
    const choosing = ISSUE_STATUSES.filter((status) => isChoosingAUnit({ status }));
    expect(choosing).toEqual(['open', 'awaiting_dispatch']);
    for (const status of ISSUE_STATUSES) {
      expect(suggestedUnitOf({ status }, category)).toBe(choosing.includes(status) ? 'D1' : undefined);
    }
    expect(suggestedUnitOf({ status: 'open' }, undefined)).toBeUndefined();
  });
});
