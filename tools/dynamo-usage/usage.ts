import type { MeteredCall } from './meter';

/** What a group of calls cost: the figures `npm run bench` tabulates and the budget tests assert. */
export interface Usage {
  invocations: number;
  calls: number;
  readUnits: number;
  writeUnits: number;
  /** Write units spent on global secondary indexes (the `table/index` shares). */
  indexWriteUnits: number;
  items: number;
  scans: number;
  failed: number;
  /** Calls per operation, e.g. `{ GetItem: 1, TransactWriteItems: 1 }`. */
  operations: Record<string, number>;
}

const round = (value: number) => Math.round(value * 100) / 100;

/** The sum of `calls`. */
export const usageOf = (calls: readonly MeteredCall[]): Usage => {
  const operations: Record<string, number> = {};
  let readUnits = 0;
  let writeUnits = 0;
  let indexWriteUnits = 0;
  for (const call of calls) {
    operations[call.operation] = (operations[call.operation] ?? 0) + 1;
    readUnits += call.readUnits;
    writeUnits += call.writeUnits;
    if (call.writeUnits > 0) {
      for (const [name, units] of Object.entries(call.units))
        if (name.includes('/')) indexWriteUnits += units;
    }
  }
  return {
    invocations: new Set(calls.map((call) => call.invocation)).size,
    calls: calls.length,
    readUnits: round(readUnits),
    writeUnits: round(writeUnits),
    indexWriteUnits: round(indexWriteUnits),
    items: calls.reduce((sum, call) => sum + call.items, 0),
    scans: operations.Scan ?? 0,
    failed: calls.filter((call) => call.failed).length,
    operations,
  };
};

/** Usage per scope, busiest (most calls) first. */
export const usageByScope = (calls: readonly MeteredCall[]): [string, Usage][] => {
  const byScope = new Map<string, MeteredCall[]>();
  for (const call of calls) {
    const scoped = byScope.get(call.scope);
    if (scoped) scoped.push(call);
    else byScope.set(call.scope, [call]);
  }
  return [...byScope.entries()]
    .map(([scope, scoped]): [string, Usage] => [scope, usageOf(scoped)])
    .sort(([, a], [, b]) => b.calls - a.calls);
};
