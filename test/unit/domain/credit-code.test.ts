import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CREDIT_CODE_ALPHABET,
  checkCreditCode,
  creditCodeCheckCharacter,
} from '../../../shared/domain/credit-code';

/** The worked example of GB 32100-2015 (appendix). */
const WORKED_EXAMPLE = '91350100M000100Y43';

const alphabet = [...CREDIT_CODE_ALPHABET];
const digits = [...'0123456789'];
const chars = (from: readonly string[], length: number) =>
  fc.array(fc.constantFrom(...from), { minLength: length, maxLength: length }).map((cs) => cs.join(''));

/** Positions 1–17 of a well-formed code: two alphabet characters, a six-digit division code, nine more. */
const codeBody = fc
  .tuple(chars(alphabet, 2), chars(digits, 6), chars(alphabet, 9))
  .map((parts) => parts.join(''));
const validCode = codeBody.map((body) => `${body}${creditCodeCheckCharacter(body)}`);

/** Every code differing from `code` in one character, for each other alphabet character. */
const substitutions = (code: string): string[] =>
  [...code].flatMap((original, i) =>
    alphabet.filter((c) => c !== original).map((c) => `${code.slice(0, i)}${c}${code.slice(i + 1)}`),
  );

/** Every code with two adjacent, different characters among positions 1–17 swapped. */
const adjacentTranspositions = (code: string): string[] =>
  Array.from({ length: 16 }, (_, i) => i)
    .filter((i) => code.charAt(i) !== code.charAt(i + 1))
    .map((i) => `${code.slice(0, i)}${code.charAt(i + 1)}${code.charAt(i)}${code.slice(i + 2)}`);

describe('credit code check character (GB 32100-2015)', () => {
  it('accepts the worked example of the standard', () => {
    expect(creditCodeCheckCharacter(WORKED_EXAMPLE.slice(0, 17))).toBe('3');
    expect(checkCreditCode(WORKED_EXAMPLE)).toBe('valid');
  });

  it('rejects every single-character substitution of the worked example', () => {
    const mutants = substitutions(WORKED_EXAMPLE);
    expect(mutants).toHaveLength(18 * 30);
    expect(mutants.filter((code) => checkCreditCode(code) === 'valid')).toEqual([]);
  });

  it('rejects every adjacent transposition of the worked example in positions 1–17', () => {
    const mutants = adjacentTranspositions(WORKED_EXAMPLE);
    expect(mutants.length).toBeGreaterThan(0);
    expect(mutants.filter((code) => checkCreditCode(code) === 'valid')).toEqual([]);
  });

  it('accepts every code built with its computed check character', () => {
    fc.assert(fc.property(validCode, (code) => checkCreditCode(code) === 'valid'));
  });

  it('rejects every single substitution and adjacent transposition of any valid code', () => {
    fc.assert(
      fc.property(validCode, (code) =>
        [...substitutions(code), ...adjacentTranspositions(code)].every(
          (mutant) => checkCreditCode(mutant) !== 'valid',
        ),
      ),
    );
  });

  it('tells a wrong check character apart from a malformed code', () => {
    expect(checkCreditCode('91350100M000100Y44')).toBe('checksum');
    expect(checkCreditCode('91350100M000100Y4')).toBe('format');
    expect(checkCreditCode('91350100M000100YO3')).toBe('format');
    expect(checkCreditCode('913501A0M000100Y43')).toBe('format');
  });

  it('has no check character for bodies of the wrong length or outside the alphabet', () => {
    expect(creditCodeCheckCharacter('91350100M000100Y')).toBeUndefined();
    expect(creditCodeCheckCharacter('91350100M000100YI')).toBeUndefined();
  });
});
