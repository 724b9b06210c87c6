import { BUDGET_RATIO } from '../tools/lambda-bundles/budget';
import type { Judged } from './budget';
import type { PackageShare } from './package-breakdown';

const kilobytes = (bytes: number): string => (bytes / 1024).toFixed(0);

const budgetCell = (row: Judged): string => {
  if (row.withinBudget === null) return '-';
  return row.withinBudget ? 'yes' : 'NO';
};

/** A plain-text table with right-aligned numbers, the baseline first. */
export const formatTable = (rows: readonly Judged[]): string => {
  const header = ['bundle', 'KB', 'size ratio', 'median ms', 'time ratio', `within ${BUDGET_RATIO}`];
  const cells = rows.map((row) => [
    row.name,
    kilobytes(row.bytes),
    row.sizeRatio.toFixed(2),
    row.medianMs.toFixed(1),
    row.timeRatio.toFixed(2),
    budgetCell(row),
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...cells.map((line) => (line[column] ?? '').length)),
  );
  const render = (line: readonly string[]): string =>
    line
      .map((cell, column) => {
        const width = widths[column] ?? 0;
        return column === 0 || column === line.length - 1 ? cell.padEnd(width) : cell.padStart(width);
      })
      .join('  ')
      .trimEnd();
  return [render(header), render(widths.map((width) => '-'.repeat(width))), ...cells.map(render)].join('\n');
};

export const formatExtraBytes = (name: string, shares: readonly PackageShare[], limit = 12): string =>
  [
    `${name} carries beyond the baseline:`,
    ...shares.slice(0, limit).map(({ source, bytes }) => `  +${kilobytes(bytes).padStart(4)} KB  ${source}`),
  ].join('\n');
