import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import type { DispatchOrderDocument } from '../../../shared/domain/dispatch-order-document';
import { printable } from '../../../shared/print/cjk-font';
import { dispatchOrderPdf } from '../../../shared/print/dispatch-order-pdf';
import { GB2312_LEVEL_1, GB2312_LEVEL_2 } from '../../../tools/fonts/gb2312';

const orderOf = (enterpriseName: string, count = 1): DispatchOrderDocument => ({
  number: '2026-0042',
  kind: 'consultation',
  issuedOn: '2026-12-07',
  lines: Array.from({ length: count }, (_, i) => ({
    issueId: `01JISSUE${i}`,
    title: `厂房用地指标不足 ${i + 1}`,
    enterpriseName,
    leadUnitName: '自然资源和规划局',
    coUnitNames: ['发展和改革局'],
    dueDate: '2026-12-21',
    dueWorkingDays: 10,
    note: '请于十个工作日内办结',
  })),
});

const read = async (bytes: Buffer) => {
  const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false }).promise;
  const pages = await Promise.all(Array.from({ length: pdf.numPages }, (_, i) => pdf.getPage(i + 1)));
  const contents = await Promise.all(pages.map((page) => page.getTextContent()));
  const text = contents.flatMap((content) => content.items.map((item) => ('str' in item ? item.str : '')));
  const { info } = await pdf.getMetadata();
  return { pages: pdf.numPages, text: text.join(''), info: info as Record<string, string> };
};

describe('the printed dispatch order (PDF)', () => {
  it('is an A4 PDF whose text, number and title can be extracted', async () => {
    const bytes = await dispatchOrderPdf(orderOf('海宁鑫垚经编有限公司'));
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { text, info } = await read(bytes);
    expect(info.Title).toBe('交办单 2026-0042');
    for (const expected of [
      '编号：2026-0042',
      '协商会议交办',
      '海宁鑫垚经编有限公司',
      '2026-12-21（10个工作日）',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('〓');
    // The font is subset to the glyphs used: the PDF stays small although the font is 2.4 MB.
    expect(bytes.length).toBeLessThan(100_000);
  });

  it('marks a character outside the font with 〓 and explains it in a footnote', async () => {
    const { text } = await read(await dispatchOrderPdf(orderOf('𠮷野家餐饮有限公司😀')));
    expect(text).toContain('〓野家餐饮有限公司〓');
    expect(text).toContain('〓 为本 PDF 字体缺少的字');
  });

  it('flows a long order over several pages', async () => {
    const { pages, text } = await read(await dispatchOrderPdf(orderOf('海宁经编有限公司', 30)));
    expect(pages).toBeGreaterThan(1);
    expect(text).toContain('厂房用地指标不足 30');
  });
});

describe('the font subset', () => {
  it('covers printable ASCII and every GB 2312 level 1 and level 2 character', () => {
    const ascii = Array.from({ length: 0x7e - 0x20 + 1 }, (_, i) => String.fromCharCode(0x20 + i)).join('');
    const all = ascii + GB2312_LEVEL_1.join('') + GB2312_LEVEL_2.join('');
    expect(GB2312_LEVEL_1).toHaveLength(3755);
    expect(GB2312_LEVEL_2).toHaveLength(3008);
    expect(printable(all)).toEqual({ text: all, replaced: false });
  });
});
