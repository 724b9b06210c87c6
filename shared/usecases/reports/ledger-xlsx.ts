import writeXlsxFile from 'write-excel-file/node';

/** Column widths (characters) for LEDGER_EXPORT_HEADERS, so the sheet opens readable. */
const WIDTHS = [8, 20, 28, 8, 12, 10, 10, 24, 10, 20, 60, 20];
/** Columns holding numbers (序号, 台账序号): written as numbers so they sort and sum in Excel. */
const NUMERIC = new Set([0, 3]);

/**
 * The 台账 as an XLSX workbook of one sheet (write-excel-file: a maintained writer whose only
 * dependency is fflate): bold header row frozen at the top, every other cell plain text (never a
 * formula, whatever an enterprise typed).
 */
export const ledgerXlsx = async (headers: readonly string[], rows: readonly string[][]): Promise<Buffer> =>
  writeXlsxFile(
    [
      headers.map((value) => ({ value, fontWeight: 'bold' as const })),
      ...rows.map((row) =>
        row.map((value, column) => (NUMERIC.has(column) ? { value: Number(value), type: Number } : value)),
      ),
    ],
    { sheet: '台账', stickyRowsCount: 1, columns: WIDTHS.map((width) => ({ width })) },
  ).toBuffer();
