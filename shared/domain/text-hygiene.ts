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

/** Tab, LF and CR are the only C0 controls allowed; every C1 control is refused. */
const isRefusedControl = (cp: number) =>
  (cp < 0x20 && cp !== 0x09 && cp !== 0x0a && cp !== 0x0d) || (cp >= 0x7f && cp <= 0x9f);

/** LRE, RLE, PDF, LRO, RLO and LRI, RLI, FSI, PDI. */
const isBidiControl = (cp: number) => (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);

/** Zero width space, word joiner, zero width no-break space (BOM), and the invisible operators. */
const isInvisibleSeparator = (cp: number) => cp === 0x200b || (cp >= 0x2060 && cp <= 0x2064) || cp === 0xfeff;

/** U+FDD0..U+FDEF and the last two code points of every plane. */
const isNonCharacter = (cp: number) => (cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) === 0xfffe;

const isLoneSurrogate = (cp: number) => cp >= 0xd800 && cp <= 0xdfff;

const hex = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

const faultOf = (cp: number): string | undefined => {
  if (isLoneSurrogate(cp)) return 'an unpaired surrogate';
  if (isRefusedControl(cp)) return 'a control character';
  if (isBidiControl(cp)) return 'a bidirectional override or isolate';
  if (isInvisibleSeparator(cp)) return 'an invisible separator';
  if (isNonCharacter(cp)) return 'a Unicode non-character';
  return undefined;
};

/**
 * Why the text may not be stored, naming the first offending character and its position (counted
 * in characters from 1), or undefined when it is clean.
 */
export const textFault = (text: string): string | undefined => {
  let position = 0;
  // for…of walks code points; an unpaired surrogate comes out alone.
  for (const char of text) {
    position += 1;
    const cp = char.codePointAt(0) ?? 0;
    const fault = faultOf(cp);
    if (fault) return `Contains ${fault} (${hex(cp)}) at character ${position}; remove it.`;
  }
  return undefined;
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
