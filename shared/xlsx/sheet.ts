import { strToU8, zipSync } from 'fflate';

/**
 * A one-sheet XLSX (SpreadsheetML) writer: a bold header row frozen at the top, column widths, and
 * cells that are text (shared strings) or numbers — never a formula, whatever the text says.
 *
 * Why our own: the API bundles have a size budget (`npm run bench`, ≤1.3× the baseline), and an XLSX
 * library (write-excel-file: 76 KB minified) put `api/ledger` over it with ~70 KB of features we never
 * use (dates, formulas, merges, images, many sheets, streaming). This file plus fflate's `zipSync` (~9 KB)
 * is all the ledger export needs. Keep it to that job; reach for a library when a sheet needs more.
 */

/**
 * A cell: text, a number, or nothing (`''`, `null`, `undefined` and non-finite numbers leave it empty).
 * Characters XML 1.0 cannot carry (NUL and other controls, lone surrogates) are dropped from text.
 */
export type XlsxCell = string | number | null | undefined;

export interface XlsxSheet {
  /** The tab's name (Excel allows at most 31 characters, none of `[]:*?/\`). */
  readonly name: string;
  readonly headers: readonly string[];
  readonly rows: readonly (readonly XlsxCell[])[];
  /** Column widths in characters, by column; columns without one get Excel's default. */
  readonly widths?: readonly number[];
}

/** Excel's limit on the characters of one cell; longer text makes Excel "repair" the file. */
export const XLSX_MAX_CELL_CHARS = 32_767;

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

/** Characters XML 1.0 forbids (controls other than tab/LF/CR, lone surrogates, U+FFFE/U+FFFF). */
const ILLEGAL_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
/** Excel reads `_xHHHH_` in text as the character U+HHHH; its own escape for a literal one is `_x005F_`. */
const EXCEL_ESCAPE = /_(x[0-9A-Fa-f]{4}_)/g;
const XML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\r': '&#13;',
};

/** Text as XML character data or attribute value: illegal characters dropped, markup escaped. */
export const xmlText = (text: string): string =>
  text.replace(ILLEGAL_XML, '').replace(/[&<>"\r]/g, (char) => XML_ENTITIES[char] as string);

/** Column letters of a zero-based column index: 0 → A, 25 → Z, 26 → AA. */
export const columnName = (index: number): string => {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  }
  return name;
};

const truncate = (text: string): string => {
  if (text.length <= XLSX_MAX_CELL_CHARS) return text;
  const cut = text.slice(0, XLSX_MAX_CELL_CHARS);
  // Do not leave half of a surrogate pair at the end.
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
};

/**
 * The workbook's shared strings: each distinct text stored once, cells refer to it by index. (Inline
 * strings were tried first: the ledger's repeated statuses, units and issue numbers then made a
 * 50,000-row file 4.7 MB instead of 3.2 MB, over Lambda's 6 MB response once base64-encoded.)
 */
class SharedStrings {
  readonly #index = new Map<string, number>();
  readonly #xml: string[] = [];
  #refs = 0;

  indexOf(text: string): number {
    this.#refs += 1;
    let index = this.#index.get(text);
    if (index === undefined) {
      index = this.#xml.length;
      this.#index.set(text, index);
      const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : '';
      this.#xml.push(`<si><t${space}>${xmlText(text.replace(EXCEL_ESCAPE, '_x005F_$1'))}</t></si>`);
    }
    return index;
  }

  toXml(): string {
    return (
      `${XML_HEAD}<sst xmlns="${MAIN_NS}" count="${this.#refs}" uniqueCount="${this.#xml.length}">` +
      `${this.#xml.join('')}</sst>`
    );
  }
}

const cellXml = (ref: string, value: XlsxCell, style: string, strings: SharedStrings): string => {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? `<c r="${ref}"${style}><v>${value}</v></c>` : '';
  }
  const clean = truncate(value ?? '').replace(ILLEGAL_XML, '');
  if (clean === '') return '';
  return `<c r="${ref}"${style} t="s"><v>${strings.indexOf(clean)}</v></c>`;
};

const rowXml = (
  cells: readonly XlsxCell[],
  row: number,
  style: string,
  letters: string[],
  strings: SharedStrings,
) => {
  let xml = `<row r="${row}">`;
  cells.forEach((value, column) => {
    letters[column] ??= columnName(column);
    xml += cellXml(`${letters[column]}${row}`, value, style, strings);
  });
  return `${xml}</row>`;
};

const worksheetXml = ({ headers, rows, widths = [] }: XlsxSheet, strings: SharedStrings): string => {
  const letters: string[] = [];
  const width = rows.reduce((widest, row) => Math.max(widest, row.length), Math.max(headers.length, 1));
  const cols = widths
    .map((chars, index) => `<col min="${index + 1}" max="${index + 1}" width="${chars}" customWidth="1"/>`)
    .join('');
  const parts = [
    `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`,
    `<dimension ref="A1:${columnName(width - 1)}${rows.length + 1}"/>`,
    '<sheetViews><sheetView tabSelected="1" workbookViewId="0">',
    '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>',
    '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>',
    '<sheetFormatPr defaultRowHeight="15"/>',
    cols ? `<cols>${cols}</cols>` : '',
    '<sheetData>',
    rowXml(headers, 1, ' s="1"', letters, strings),
  ];
  rows.forEach((row, index) => {
    parts.push(rowXml(row, index + 2, '', letters, strings));
  });
  parts.push('</sheetData></worksheet>');
  return parts.join('');
};

const STYLES = [
  `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}">`,
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>',
  '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>',
  '<fills count="2"><fill><patternFill patternType="none"/></fill>',
  '<fill><patternFill patternType="gray125"/></fill></fills>',
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>',
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>',
  '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>',
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>',
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>',
  '</styleSheet>',
].join('');

const CONTENT_TYPES = [
  `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`,
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
  '<Default Extension="xml" ContentType="application/xml"/>',
  `<Override PartName="/xl/workbook.xml" ContentType="${TYPE}.sheet.main+xml"/>`,
  `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="${TYPE}.worksheet+xml"/>`,
  `<Override PartName="/xl/styles.xml" ContentType="${TYPE}.styles+xml"/>`,
  `<Override PartName="/xl/sharedStrings.xml" ContentType="${TYPE}.sharedStrings+xml"/>`,
  '</Types>',
].join('');

const ROOT_RELS =
  `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">` +
  `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;

const WORKBOOK_RELS =
  `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">` +
  `<Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/>` +
  `<Relationship Id="rId2" Type="${REL_NS}/styles" Target="styles.xml"/>` +
  `<Relationship Id="rId3" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;

const workbookXml = (name: string) =>
  `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
  `<sheets><sheet name="${xmlText(name)}" sheetId="1" r:id="rId1"/></sheets></workbook>`;

/** The workbook file (a zip of the parts above, deflated). */
export const xlsxOf = (sheet: XlsxSheet): Uint8Array => {
  const strings = new SharedStrings();
  const worksheet = worksheetXml(sheet, strings);
  return zipSync({
    '[Content_Types].xml': strToU8(CONTENT_TYPES),
    '_rels/.rels': strToU8(ROOT_RELS),
    'xl/workbook.xml': strToU8(workbookXml(sheet.name)),
    'xl/_rels/workbook.xml.rels': strToU8(WORKBOOK_RELS),
    'xl/styles.xml': strToU8(STYLES),
    'xl/worksheets/sheet1.xml': strToU8(worksheet),
    'xl/sharedStrings.xml': strToU8(strings.toXml()),
  });
};
