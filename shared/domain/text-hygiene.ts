/**
 * What free text (names, titles, descriptions, comments) may hold. Text a client stores is text
 * another client renders later, in an app or in the exported ledger, so the program refuses what
 * renders as something else or as nothing: control characters, lone surrogates, bidi overrides and
 * isolates (which reorder what follows them, e.g. a file name or an amount), invisible separators,
 * and Unicode non-characters. It refuses rather than strips: silently altered text is text nobody
 * wrote. Text is compared and stored in NFC (the contract normalizes before this rule runs).
 *
 * Kept: tab, line feed and carriage return (multi-line fields); the joiners U+200C/U+200D, which
 * emoji sequences and several scripts need; the bidi marks U+200E/U+200F/U+061C, which only hint
 * direction and cannot reorder text.
 */

/**
 * Every refused character: C0 controls but tab, LF and CR; DEL and C1; zero width space, word joiner
 * and the invisible operators, BOM; the bidi embeddings, overrides and isolates (LRE…RLO, LRI…PDI);
 * unpaired surrogates (`u` mode sees a lone one as a code point of its own); non-characters.
 */
const REFUSED =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this rule's job
  /[\0-\x08\v\f\x0e-\x1f\x7f-\x9f\u200b\u2060-\u2064\ufeff\u202a-\u202e\u2066-\u2069\p{Cs}\p{Noncharacter_Code_Point}]/u;

/** What a refused character is, in the client's words; the first kind that matches. */
const KINDS: readonly [RegExp, string][] = [
  [/\p{Cs}/u, 'an unpaired surrogate'],
  // biome-ignore lint/suspicious/noControlCharactersInRegex: naming a control character is the point
  [/[\0-\x1f\x7f-\x9f]/, 'a control character'],
  [/[\u202a-\u202e\u2066-\u2069]/, 'a bidirectional override or isolate'],
  [/\p{Noncharacter_Code_Point}/u, 'a Unicode non-character'],
];

/**
 * Why the text may not be stored, naming the first offending character and its position (counted
 * in characters from 1), or undefined when it is clean.
 */
export const textFault = (text: string): string | undefined => {
  const found = REFUSED.exec(text);
  if (!found) return undefined;
  const char = found[0];
  const kind = KINDS.find(([pattern]) => pattern.test(char))?.[1] ?? 'an invisible separator';
  const code = `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
  return `Contains ${kind} (${code}) at character ${characterCount(text.slice(0, found.index)) + 1}; remove it.`;
};

/** Length in characters (Unicode code points), the unit every free-text limit is stated in. */
export const characterCount = (text: string): number => {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
};

/**
 * Free text may take at most this many bytes of UTF-8 per character of its limit: all of CJK fits
 * (3 bytes a character), a text of 4-byte characters (emoji, rare CJK extensions) reaches the byte
 * limit at three quarters of the character limit. What a limit costs in storage stays bounded.
 */
export const BYTES_PER_CHARACTER = 3;

const utf8 = new TextEncoder();

export const utf8ByteLength = (text: string): number => utf8.encode(text).byteLength;
