/**
 * The characters of GB 2312-80, decoded from the standard's own byte grid (rows 0xA1–0xF7, cells
 * 0xA1–0xFE, EUC-CN) with the WHATWG GBK decoder Node ships: rows 1–9 are symbols, punctuation and
 * full-width forms, rows 16–55 level 1 (一级字, 3,755 common characters), rows 56–87 level 2 (二级字,
 * 3,008 less common ones). Cells GB 2312 leaves empty decode to U+FFFD or, where GBK filled them,
 * to private-use code points: both are skipped, as are row 55's last five cells (GBK's, not GB 2312's).
 * The symbol rows keep the few vertical forms and pinyin letters GBK added in them.
 */
const decoder = new TextDecoder('gbk', { fatal: false });

const PRIVATE_USE = /\p{Co}/u;
const LAST_CELL_OF_ROW_55 = 0xf9;

const rowCharacters = (row: number): string[] => {
  const characters: string[] = [];
  const lastCell = row === 55 ? LAST_CELL_OF_ROW_55 : 0xfe;
  for (let cell = 0xa1; cell <= lastCell; cell += 1) {
    const character = decoder.decode(new Uint8Array([0xa0 + row, cell]));
    if (character.length > 0 && character !== '\uFFFD' && !PRIVATE_USE.test(character)) {
      characters.push(character);
    }
  }
  return characters;
};

const rows = (from: number, to: number): string[] =>
  Array.from({ length: to - from + 1 }, (_, i) => rowCharacters(from + i)).flat();

export const GB2312_SYMBOLS = rows(1, 9);
export const GB2312_LEVEL_1 = rows(16, 55);
export const GB2312_LEVEL_2 = rows(56, 87);
