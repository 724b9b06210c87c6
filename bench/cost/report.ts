import type { Usage } from '../../tools/dynamo-usage/usage';

const fixed = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1));

/** A plain-text table, first column left-aligned, the others right-aligned. */
export const table = (header: readonly string[], rows: readonly (readonly string[])[]): string => {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const render = (row: readonly string[]) =>
    row
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0),
      )
      .join('  ')
      .trimEnd();
  return [render(header), render(widths.map((width) => '-'.repeat(width))), ...rows.map(render)].join('\n');
};

/** Per route or function: invocations, then calls, units and items per invocation, and the totals that matter. */
export const scopeTable = (scopes: readonly [string, Usage][]): string =>
  table(
    [
      'route / function',
      'invocations',
      'calls/inv',
      'RCU/inv',
      'WCU/inv',
      'GSI WCU/inv',
      'items/inv',
      'scans',
      'failed',
      'WCU total',
    ],
    scopes.map(([scope, usage]) => {
      const per = (value: number) => fixed(Math.round((value / usage.invocations) * 10) / 10);
      return [
        scope,
        String(usage.invocations),
        per(usage.calls),
        per(usage.readUnits),
        per(usage.writeUnits),
        per(usage.indexWriteUnits),
        per(usage.items),
        String(usage.scans),
        String(usage.failed),
        fixed(usage.writeUnits),
      ];
    }),
  );

/** One row per lifecycle path: the whole issue's calls and units, background included. */
export const pathTable = (paths: readonly { name: string; total: Usage; statesEntered: number }[]): string =>
  table(
    [
      'path (one issue, background included)',
      'calls',
      'RCU',
      'WCU',
      'GSI WCU',
      'GSI share',
      'failed',
      'SFN states',
    ],
    paths.map(({ name, total, statesEntered }) => [
      name,
      String(total.calls),
      fixed(total.readUnits),
      fixed(total.writeUnits),
      fixed(total.indexWriteUnits),
      `${Math.round((total.indexWriteUnits / Math.max(total.writeUnits, 1)) * 100)} %`,
      String(total.failed),
      String(statesEntered),
    ]),
  );
