import { xlsxOf } from '../../xlsx/sheet';

/** Column widths (characters) for LEDGER_EXPORT_HEADERS, so the sheet opens readable. */
const WIDTHS = [8, 20, 28, 8, 12, 10, 10, 24, 10, 20, 60, 20];
/** Columns holding numbers (序号, 台账序号): written as numbers so they sort and sum in Excel. */
const NUMERIC = new Set([0, 3]);

/**
 * The 台账 as an XLSX workbook of one sheet (our own small writer, `shared/xlsx/sheet.ts`): bold
 * header row frozen at the top, every other cell plain text (never a formula, whatever an enterprise
 * typed).
 */
export const ledgerXlsx = (headers: readonly string[], rows: readonly string[][]): Buffer => {
  const file = xlsxOf({
    name: '台账',
    headers,
    rows: rows.map((row) => row.map((value, column) => (NUMERIC.has(column) ? Number(value) : value))),
    widths: WIDTHS,
  });
  return Buffer.from(file.buffer, file.byteOffset, file.byteLength);
};
