import PDFDocument from 'pdfkit';
import type { DispatchOrderDocument, DocumentLine } from '../domain/dispatch-order-document';
import { cjkFont, MISSING_CHARACTER, printable } from './cjk-font';
import { coUnitsText, documentTitle, dueText, KIND_LABELS, LABELS } from './dispatch-order-labels';

/** 20 mm, as the HTML's print stylesheet. */
const MARGIN = 57;
const SIZES = { title: 20, heading: 11.5, body: 10.5, small: 8.5 } as const;

const FOOTNOTE = `${MISSING_CHARACTER} 为本 PDF 字体缺少的字，HTML 版本可显示原字。`;

/**
 * The order as an A4 PDF (pdfkit; the embedded font is subset to the glyphs the document uses, so a
 * one-page order stays a few dozen kilobytes). Text the font cannot print is marked with 〓 and
 * explained in a footnote.
 */
export const dispatchOrderPdf = (document: DispatchOrderDocument): Promise<Buffer> => {
  const { bytes } = cjkFont();
  const pdf = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    // The CJK font is the default, so pdfkit never loads its standard Helvetica metrics from disk (not
    // in a bundle). @types/pdfkit types `font` as a path; pdfkit takes the bytes too (PDFFontFactory.open).
    font: bytes as unknown as string,
    lang: 'zh-CN',
    displayTitle: true,
    info: { Title: documentTitle(document), Subject: KIND_LABELS[document.kind], Creator: '亲清互挂' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });

  let anyReplaced = false;
  const write = (text: string, size: number, options: PDFKit.Mixins.TextOptions = {}) => {
    const shown = printable(text);
    anyReplaced ||= shown.replaced;
    pdf.fontSize(size).text(shown.text, options);
  };
  const writeLine = (line: DocumentLine, index: number) => {
    write(`${index + 1}. ${line.title}`, SIZES.heading);
    write(`${LABELS.issue}：${line.issueId}`, SIZES.small);
    write(`${LABELS.enterprise}：${line.enterpriseName}`, SIZES.body);
    write(`${LABELS.leadUnit}：${line.leadUnitName}`, SIZES.body);
    write(`${LABELS.coUnits}：${coUnitsText(line.coUnitNames)}`, SIZES.body);
    write(`${LABELS.due}：${dueText(line.dueDate, line.dueWorkingDays)}`, SIZES.body);
    if (line.note) write(`${LABELS.note}：${line.note}`, SIZES.body);
    pdf.moveDown(0.8);
  };

  write(LABELS.title, SIZES.title, { align: 'center', characterSpacing: 8 });
  pdf.moveDown(0.5);
  write(
    `${LABELS.number}：${document.number}　　${LABELS.kind}：${KIND_LABELS[document.kind]}　　${LABELS.issuedOn}：${document.issuedOn}`,
    SIZES.body,
  );
  pdf.moveDown();
  if (document.lines.length === 0) write(LABELS.empty, SIZES.body);
  document.lines.forEach(writeLine);
  if (anyReplaced) write(FOOTNOTE, SIZES.small);
  pdf.end();
  return done;
};
