import { create, type Font } from 'fontkit';
import { NOTO_SANS_SC_GB2312_BASE64 } from './fonts/noto-sans-sc-gb2312';

/** 〓 (geta mark): Chinese typesetting's stand-in for a character the type case lacks. */
export const MISSING_CHARACTER = '〓';

let loaded: { bytes: Buffer; font: Font } | undefined;

/**
 * The PDF's one font: Noto Sans SC cut to ASCII and GB 2312 (tools/fonts/make-cjk-subset.ts). Decoded
 * on the first document, not at import, so the function's cold start does not pay for it.
 */
export const cjkFont = (): { bytes: Buffer; font: Font } => {
  if (!loaded) {
    const bytes = Buffer.from(NOTO_SANS_SC_GB2312_BASE64, 'base64');
    loaded = { bytes, font: create(bytes) as Font };
  }
  return loaded;
};

/**
 * Text as the font can print it: a character it has no glyph for (a rare name character outside
 * GB 2312, an emoji) becomes 〓 rather than an invisible .notdef box, so a reader sees something is
 * missing; the HTML version prints it with the reader's own fonts. Whitespace stays as it is.
 */
export const printable = (text: string): { text: string; replaced: boolean } => {
  const { font } = cjkFont();
  let replaced = false;
  const out = Array.from(text, (character) => {
    const codePoint = character.codePointAt(0) ?? 0;
    if (/\s/u.test(character) || font.hasGlyphForCodePoint(codePoint)) return character;
    replaced = true;
    return MISSING_CHARACTER;
  }).join('');
  return { text: out, replaced };
};
