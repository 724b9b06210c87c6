import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnName, XLSX_MAX_CELL_CHARS, type XlsxCell, xlsxOf } from '../../../shared/xlsx/sheet';

const parse = async (file: Uint8Array) => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(file) as unknown as ArrayBuffer);
  const [sheet] = workbook.worksheets;
  if (!sheet) throw new Error('the workbook has no sheet');
  return sheet;
};

/** The values of row `r` (1-based), one per column 1…`width`, `null` where the cell is empty. */
const valuesOf = (sheet: ExcelJS.Worksheet, r: number, width: number) =>
  Array.from({ length: width }, (_, c) => sheet.getRow(r).getCell(c + 1).value ?? null);

/** XML 1.0's Char production, written independently of the writer's regular expression. */
const isXmlChar = (char: string) => {
  const cp = char.codePointAt(0) as number;
  if (cp >= 0xd800 && cp <= 0xdfff) return false;
  return cp === 9 || cp === 10 || cp === 13 || (cp >= 0x20 && cp <= 0xfffd && cp !== 0xfffe) || cp >= 0x10000;
};
const xmlSafe = (text: string) => Array.from(text).filter(isXmlChar).join('');

describe('xlsxOf', () => {
  it('writes a sheet exceljs reads back: name, headers, Chinese text, numbers, escaping, empty cells', async () => {
    const headers = ['序号', '说明', '备注'];
    const rows: XlsxCell[][] = [
      [1, '企业说 "宿舍, 还差 800 间" & <急>', '=SUM(A1:A9)'],
      [2.5, '', null],
      [-3, '  前后空格 \n第二行\r\n第三行\t', '_x0041_ 不是 A'],
      [Number.NaN, 'NUL\u0000 与 \u0008 控制符、孤立代理\uD800被丢弃 😀', undefined],
    ];

    const sheet = await parse(xlsxOf({ name: '台账', headers, rows, widths: [8, 60] }));

    expect(sheet.name).toBe('台账');
    expect(sheet.rowCount).toBe(5);
    expect(valuesOf(sheet, 1, 3)).toEqual(headers);
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.getRow(2).getCell(1).font?.bold).toBeFalsy();
    expect(valuesOf(sheet, 2, 3)).toEqual([1, '企业说 "宿舍, 还差 800 间" & <急>', '=SUM(A1:A9)']);
    expect(sheet.getRow(2).getCell(3).formula).toBeUndefined();
    expect(valuesOf(sheet, 3, 3)).toEqual([2.5, null, null]);
    expect(valuesOf(sheet, 4, 3)).toEqual([-3, '  前后空格 \n第二行\r\n第三行\t', '_x0041_ 不是 A']);
    expect(valuesOf(sheet, 5, 3)).toEqual([null, 'NUL 与  控制符、孤立代理被丢弃 😀', null]);
  });

  it('freezes the header row and sets the column widths', async () => {
    const sheet = await parse(
      xlsxOf({ name: 'S', headers: ['a', 'b'], rows: [['x', 'y']], widths: [8, 60] }),
    );

    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, topLeftCell: 'A2' });
    expect(sheet.getColumn(1).width).toBe(8);
    expect(sheet.getColumn(2).width).toBe(60);
  });

  it("cuts text to Excel's 32,767 characters per cell without splitting a surrogate pair", async () => {
    const long = `${'字'.repeat(XLSX_MAX_CELL_CHARS - 1)}😀tail`;

    const sheet = await parse(xlsxOf({ name: 'S', headers: ['h'], rows: [[long]] }));

    expect(sheet.getRow(2).getCell(1).value).toBe('字'.repeat(XLSX_MAX_CELL_CHARS - 1));
  });

  it('names columns A…Z, AA…, like Excel', () => {
    expect([0, 11, 25, 26, 51, 52, 701, 702].map(columnName)).toEqual([
      'A',
      'L',
      'Z',
      'AA',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
    ]);
  });

  it('round-trips any text through exceljs, less the characters XML 1.0 cannot carry', async () => {
    const special = fc.constantFrom('\u0000', '\u0001', '\u001f', '\uD800', '\uDFFF', '\uFFFE', '\uFFFF');
    const markup = fc.constantFrom('&', '<', '>', '"', "'", '\r', '\n', '\t', ' ');
    const excelEscapes = fc.constantFrom('_x0041_', '_x00af_', '_x005F_');
    const unit = fc.oneof(
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
      special,
      markup,
      excelEscapes,
    );
    const cell = fc.oneof(
      fc.string({ unit, maxLength: 30 }),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
    );

    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { maxLength: 8 }),
        async (rows) => {
          const sheet = await parse(xlsxOf({ name: 'S', headers: ['h'], rows }));

          rows.forEach((row, r) => {
            const expected = row.map((value) =>
              typeof value === 'number' ? (Object.is(value, -0) ? 0 : value) : xmlSafe(value) || null,
            );
            expect(valuesOf(sheet, r + 2, row.length)).toEqual(expected);
          });
        },
      ),
      { numRuns: 60 },
    );
  });
});
