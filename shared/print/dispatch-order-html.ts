import type { DispatchOrderDocument, DocumentLine } from '../domain/dispatch-order-document';
import { coUnitsText, documentTitle, dueText, KIND_LABELS, LABELS } from './dispatch-order-labels';
import { html } from './html';

const lineRow = (line: DocumentLine, index: number) => html`<tr>
<td>${index + 1}</td>
<td>${line.title}<div class="id">${line.issueId}</div></td>
<td>${line.enterpriseName}</td>
<td>${line.leadUnitName}</td>
<td>${coUnitsText(line.coUnitNames)}</td>
<td>${dueText(line.dueDate, line.dueWorkingDays)}</td>
<td>${line.note ?? ''}</td>
</tr>`;

/**
 * The order as a standalone HTML page to print (every text escaped: shared/print/html.ts). The print
 * stylesheet: A4 with 20 mm margins, the table's header repeated on every page, no line split across
 * pages; on screen the same page, centred.
 */
export const dispatchOrderHtml = (document: DispatchOrderDocument): string =>
  html`<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${documentTitle(document)}</title>
<style>
body { font-family: "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif;
  color: #000; max-width: 180mm; margin: 2em auto; font-size: 11pt; line-height: 1.5; }
h1 { text-align: center; font-size: 20pt; letter-spacing: 0.5em; margin: 0 0 0.5em; }
.meta { display: flex; justify-content: space-between; margin-bottom: 1em; }
table { width: 100%; border-collapse: collapse; }
th, td { border: 1px solid #000; padding: 4pt 6pt; vertical-align: top; text-align: left; }
th { background: #eee; white-space: nowrap; }
.id { font-size: 8pt; color: #444; word-break: break-all; }
@page { size: A4; margin: 20mm; }
@media print {
  body { margin: 0; max-width: none; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  th { background: none; }
}
</style>
</head>
<body>
<h1>${LABELS.title}</h1>
<div class="meta">
<span>${LABELS.number}：${document.number}</span>
<span>${LABELS.kind}：${KIND_LABELS[document.kind]}</span>
<span>${LABELS.issuedOn}：${document.issuedOn}</span>
</div>
${
  document.lines.length === 0
    ? html`<p>${LABELS.empty}</p>`
    : html`<table>
<thead><tr><th>${LABELS.index}</th><th>${LABELS.issue}</th><th>${LABELS.enterprise}</th><th>${LABELS.leadUnit}</th><th>${LABELS.coUnits}</th><th>${LABELS.due}</th><th>${LABELS.note}</th></tr></thead>
<tbody>
${document.lines.map(lineRow)}
</tbody>
</table>`
}
</body>
</html>
`.markup;
