import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACCOUNTABILITY_SITUATIONS,
  CASE_DECISIONS,
  CASE_KINDS,
  DECISION_LABELS,
  DECISIONS_BY_KIND,
  decisionFits,
  EXEMPTION_SITUATIONS,
  SITUATION_CODES,
  situationCodesNotOf,
} from '../../../shared/domain/accountability';
import { EXPERT_PROFESSIONS } from '../../../shared/domain/experts';

const HAN = /\p{Script=Han}/u;

describe('容错免责 situation codes', () => {
  it('has eight exemption situations E1–E8 and six accountability situations A1–A6', () => {
    expect(Object.keys(EXEMPTION_SITUATIONS)).toEqual(['E1', 'E2', 'E3', 'E4', 'E5', 'E6', 'E7', 'E8']);
    expect(Object.keys(ACCOUNTABILITY_SITUATIONS)).toEqual(['A1', 'A2', 'A3', 'A4', 'A5', 'A6']);
    expect(SITUATION_CODES).toHaveLength(14);
  });

  it('describes every situation in Chinese, each differently', () => {
    const labels = [...Object.values(EXEMPTION_SITUATIONS), ...Object.values(ACCOUNTABILITY_SITUATIONS)];
    expect(labels.filter((label) => !HAN.test(label))).toEqual([]);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('accepts a kind’s own codes and names every code of the other kind', () => {
    expect(situationCodesNotOf('exemption', ['E1', 'E8'])).toEqual([]);
    expect(situationCodesNotOf('accountability', ['A6'])).toEqual([]);
    expect(situationCodesNotOf('exemption', ['E2', 'A1', 'A3'])).toEqual(['A1', 'A3']);
    expect(situationCodesNotOf('accountability', ['E1'])).toEqual(['E1']);
  });

  it('splits any set of codes between the kinds: each code fits exactly one kind', () => {
    fc.assert(
      fc.property(fc.subarray([...SITUATION_CODES]), (codes) => {
        const notExemption = situationCodesNotOf('exemption', codes);
        const notAccountability = situationCodesNotOf('accountability', codes);
        expect([...notExemption, ...notAccountability].sort()).toEqual([...codes].sort());
        expect(notExemption.filter((code) => notAccountability.includes(code))).toEqual([]);
      }),
    );
  });
});

describe('case decisions', () => {
  it('fit only the kind they belong to', () => {
    expect(decisionFits('exemption', 'partially_exempted')).toBe(true);
    expect(decisionFits('exemption', 'held_accountable')).toBe(false);
    expect(decisionFits('accountability', 'not_held_accountable')).toBe(true);
    expect(decisionFits('accountability', 'exempted')).toBe(false);
  });

  it('each belong to exactly one kind and carry a Chinese label', () => {
    for (const decision of CASE_DECISIONS) {
      expect(CASE_KINDS.filter((kind) => decisionFits(kind, decision))).toHaveLength(1);
      expect(DECISION_LABELS[decision]).toMatch(HAN);
    }
    expect(DECISIONS_BY_KIND.exemption).toContain('not_exempted');
  });
});

describe('expert professions', () => {
  it('cover the panel DOMAIN.md names, with Chinese labels', () => {
    expect(Object.keys(EXPERT_PROFESSIONS)).toEqual(
      expect.arrayContaining(['professor', 'accountant', 'consultant', 'lawyer', 'engineer']),
    );
    expect(Object.values(EXPERT_PROFESSIONS).filter((label) => !HAN.test(label))).toEqual([]);
  });
});
