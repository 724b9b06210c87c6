import { gzipSync } from 'node:zlib';
import { ledgerDayIndexUntil } from '../../config';
import { type ExportFormat, type LedgerExportQuery, MAX_EXPORT_DAYS } from '../../contract/reports';
import { ExportTooLarge, ValidationFailed } from '../../domain/errors';
import { periodProblems } from '../../domain/headline-figures';
import { csvOf, LEDGER_EXPORT_HEADERS, ledgerExportRow } from '../../domain/ledger/export-table';
import { readLedgerPeriod, TooManyLedgerEntries, unitNamesOf } from '../../repositories/ledger-period';

/**
 * Lambda refuses a response over 6 MB (the whole payload: status, headers and the body, which for a
 * binary file is base64, 4/3 of the bytes). This leaves room for the envelope.
 */
export const MAX_RESPONSE_BYTES = 6 * 1024 * 1024 - 64 * 1024;
/**
 * Read no more than this before giving up: a city-year is ~50,000 entries and exports in well under
 * API Gateway's 29 s; beyond this the time, not only the size, is at risk.
 */
export const MAX_EXPORT_ENTRIES = 120_000;

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The export as the route answers it: the file's headers and its body (base64 when binary). */
export interface LedgerFile {
  headers: Record<string, string>;
  file: { body: string; isBase64Encoded: boolean };
}

/** Whether Accept-Encoding admits gzip (a `q=0` refuses it; `*` admits it). */
export const acceptsGzip = (acceptEncoding: string | undefined): boolean =>
  (acceptEncoding ?? '').split(',').some((part) => {
    const [coding = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return (coding.trim() === 'gzip' || coding.trim() === '*') && (q === undefined || Number(q.slice(2)) > 0);
  });

const attachment = (from: string, to: string, unitId: string | undefined, format: ExportFormat) => {
  const base = `${from}_${to}${unitId ? `_${unitId}` : ''}.${format}`;
  return `attachment; filename="ledger_${base}"; filename*=UTF-8''${encodeURIComponent(`台账_${base}`)}`;
};

/**
 * The issue ledger (台账) of the program days `from`–`to` as a file: every entry of the period from
 * the ledger's by-year index (and, on a stage upgraded to it, its by-day index for the days up to
 * LEDGER_DAY_INDEX_UNTIL: repositories/ledger-period.ts), optionally of one responsible unit, one row per
 * entry with Chinese headers. CSV is UTF-8 with a BOM, gzip-compressed when the client accepts it
 * (a city-year is ~15 MB of text but ~2 MB compressed); XLSX is zipped already. A file that would
 * still not fit Lambda's 6 MB response answers 422 EXPORT_TOO_LARGE, asking for a shorter period.
 */
export const exportLedger = async (
  query: LedgerExportQuery,
  acceptEncoding: string | undefined,
): Promise<LedgerFile> => {
  const { from, to, unitId } = query;
  const format = query.format ?? 'csv';
  const problems = periodProblems(from, to, MAX_EXPORT_DAYS);
  if (problems.length > 0) throw new ValidationFailed(problems);

  let entries: Awaited<ReturnType<typeof readLedgerPeriod>>;
  try {
    const dayIndexUntil = ledgerDayIndexUntil();
    entries = await readLedgerPeriod(
      { from, to },
      { unitId, maxEntries: MAX_EXPORT_ENTRIES, ...(dayIndexUntil ? { dayIndexUntil } : {}) },
    );
  } catch (error) {
    if (error instanceof TooManyLedgerEntries) {
      throw new ExportTooLarge(
        `The period holds more than ${MAX_EXPORT_ENTRIES} ledger entries; export a shorter period (or one unit).`,
      );
    }
    throw error;
  }
  const names = await unitNamesOf([...new Set(entries.flatMap((entry) => entry.unitId ?? []))]);
  const rows = entries.map((entry, index) => ledgerExportRow(entry, index + 1, (id) => names.get(id) ?? id));

  const headers: Record<string, string> = {
    'content-type': CONTENT_TYPES[format],
    'content-disposition': attachment(from, to, unitId, format),
    'x-ledger-entries': String(rows.length),
  };
  let file: { body: string; isBase64Encoded: boolean };
  if (format === 'xlsx') {
    const { ledgerXlsx } = await import('./ledger-xlsx');
    file = {
      body: ledgerXlsx(LEDGER_EXPORT_HEADERS, rows).toString('base64'),
      isBase64Encoded: true,
    };
  } else {
    const text = csvOf(LEDGER_EXPORT_HEADERS, rows);
    headers.vary = 'Accept-Encoding';
    if (acceptsGzip(acceptEncoding)) {
      headers['content-encoding'] = 'gzip';
      file = { body: gzipSync(text).toString('base64'), isBase64Encoded: true };
    } else {
      file = { body: text, isBase64Encoded: false };
    }
  }
  // What Lambda counts: the body as it travels inside the JSON result (base64 is ASCII; text is escaped).
  const responseBytes = file.isBase64Encoded
    ? file.body.length
    : Buffer.byteLength(JSON.stringify(file.body));
  if (responseBytes > MAX_RESPONSE_BYTES) {
    const hint =
      format === 'csv' && !headers['content-encoding']
        ? 'send Accept-Encoding: gzip, or export a shorter period or one unit'
        : 'export a shorter period or one unit';
    throw new ExportTooLarge(
      `The file would take ${responseBytes} bytes, over what one response can carry: ${hint}.`,
    );
  }
  return { headers, file };
};
