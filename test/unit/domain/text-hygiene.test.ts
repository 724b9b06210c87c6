import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { characterCount, textFault, utf8ByteLength } from '../../../shared/domain/text-hygiene';

const refused: [string, string][] = [
  ['\u0000', 'a control character (U+0000)'],
  ['\u0007', 'a control character (U+0007)'],
  ['\u001b', 'a control character (U+001B)'],
  ['\u007f', 'a control character (U+007F)'],
  ['\u0085', 'a control character (U+0085)'],
  ['\ud800', 'an unpaired surrogate (U+D800)'],
  ['\udfff', 'an unpaired surrogate (U+DFFF)'],
  ['\u202e', 'a bidirectional override or isolate (U+202E)'],
  ['\u202a', 'a bidirectional override or isolate (U+202A)'],
  ['\u2066', 'a bidirectional override or isolate (U+2066)'],
  ['\u2069', 'a bidirectional override or isolate (U+2069)'],
  ['\u200b', 'an invisible separator (U+200B)'],
  ['\u2060', 'an invisible separator (U+2060)'],
  ['\ufeff', 'an invisible separator (U+FEFF)'],
  ['\ufdd0', 'a Unicode non-character (U+FDD0)'],
  ['\uffff', 'a Unicode non-character (U+FFFF)'],
  ['\u{1fffe}', 'a Unicode non-character (U+1FFFE)'],
  ['\u{10ffff}', 'a Unicode non-character (U+10FFFF)'],
];

describe('text hygiene', () => {
  it.each(refused)('refuses %j, naming it and where it stands', (char, what) => {
    expect(textFault(`海宁${char}经编`)).toBe(`Contains ${what} at character 3; remove it.`);
  });

  it('keeps tab, newlines, joiners, bidi marks, CJK, emoji sequences and combining marks', () => {
    for (const clean of [
      '行1\t行2\r\n行3',
      '👨\u200d👩\u200d👧',
      'می\u200cخواهم',
      'a\u200eb\u200f',
      'e\u0301',
      '𠀀',
    ]) {
      expect(textFault(clean)).toBeUndefined();
    }
  });

  it('finds a refused character wherever it stands in otherwise clean text', () => {
    const clean = fc.string({ unit: 'grapheme' }).filter((text) => textFault(text) === undefined);
    const bad = fc.constantFrom(...refused.map(([char]) => char));
    fc.assert(
      fc.property(clean, bad, clean, (before, char, after) => {
        expect(textFault(`${before}${char}${after}`)).toMatch(/^Contains /);
      }),
    );
  });

  it('counts characters as code points and bytes as UTF-8', () => {
    expect(characterCount('海宁😀')).toBe(3);
    expect('海宁😀'.length).toBe(4);
    expect(utf8ByteLength('海宁😀')).toBe(10);
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(characterCount(text)).toBe([...text].length);
        expect(utf8ByteLength(text)).toBe(Buffer.byteLength(text, 'utf8'));
      }),
    );
  });
});
