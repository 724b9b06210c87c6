import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DispatchOrderDocument } from '../../../shared/domain/dispatch-order-document';
import { dispatchOrderHtml } from '../../../shared/print/dispatch-order-html';
import { html } from '../../../shared/print/html';

const documentWith = (text: string): DispatchOrderDocument => ({
  number: '2026-0007',
  kind: 'office',
  issuedOn: '2026-12-07',
  lines: [
    {
      issueId: '01JTESTISSUE',
      title: text,
      enterpriseName: text,
      leadUnitName: text,
      coUnitNames: [text, '马桥街道'],
      dueDate: '2026-12-21',
      dueWorkingDays: 10,
      note: text,
    },
  ],
});

describe('the html template', () => {
  it('escapes every interpolated text, in text and in attributes', () => {
    const title = `<img src=x onerror="alert('x')">&`;
    expect(html`<p title="${title}">${title}</p>`.markup).toBe(
      '<p title="&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;&amp;">&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;&amp;</p>',
    );
  });

  it('passes markup made by html, and lists of it, through once', () => {
    const items = ['a<b', 'c'].map((text) => html`<li>${text}</li>`);
    expect(html`<ul>${items}</ul>`.markup).toBe('<ul><li>a&lt;b</li><li>c</li></ul>');
  });

  it('never lets a string become markup: whatever a title holds, no < > " or \' of it survives', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const markup = html`<td>${text}</td>`.markup.slice('<td>'.length, -'</td>'.length);
        expect(markup).not.toMatch(/[<>"']/);
      }),
    );
  });
});

describe('the printed dispatch order (HTML)', () => {
  it('shows the number, kind, date, and each line with names and the due date in working days', () => {
    const page = dispatchOrderHtml(documentWith('用电增容'));
    expect(page).toContain('<html lang="zh-CN">');
    expect(page).toContain('<title>交办单 2026-0007</title>');
    expect(page).toContain('编号：2026-0007');
    expect(page).toContain('服务中心交办');
    expect(page).toContain('日期：2026-12-07');
    expect(page).toContain('用电增容、马桥街道');
    expect(page).toContain('2026-12-21（10个工作日）');
    expect(page).toContain('01JTESTISSUE');
  });

  it('has a print stylesheet for A4', () => {
    const page = dispatchOrderHtml(documentWith('x'));
    expect(page).toMatch(/@page \{ size: A4; margin: 20mm; \}/);
    expect(page).toContain('@media print');
    expect(page).toContain('thead { display: table-header-group; }');
  });

  it('escapes a hostile title, enterprise, unit and note everywhere it appears', () => {
    const hostile = '</td><script>alert(1)</script>';
    const page = dispatchOrderHtml(documentWith(hostile));
    expect(page).not.toContain('<script>');
    expect(page.split('&lt;/td&gt;&lt;script&gt;alert(1)&lt;/script&gt;').length - 1).toBe(5);
  });

  it('says so when the order has no line the reader may see', () => {
    expect(dispatchOrderHtml({ ...documentWith('x'), lines: [] })).toContain('本交办单暂无事项。');
  });
});
