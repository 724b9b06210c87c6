import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/build-app';
import { ledgerDayIndexUntil } from '../../infra/ledger-day-index';
import { apiTemplate, dataTemplate } from './synthesized';

type FunctionResource = { Properties: { Environment?: { Variables?: Record<string, unknown> } } };
type FunctionWithEntry = FunctionResource & { Metadata: Record<string, string> };

const cutOverOf = (template: Template) =>
  Object.values(template.findResources('AWS::Lambda::Function') as Record<string, FunctionWithEntry>)
    .filter((fn) => fn.Properties.Environment?.Variables?.LEDGER_DAY_INDEX_UNTIL !== undefined)
    .map((fn) => [fn.Metadata['local:entry'], fn.Properties.Environment?.Variables?.LEDGER_DAY_INDEX_UNTIL]);

describe('the ledger’s period indexes', () => {
  it('gives the ledger table a by-day (GSI1) and a by-year (GSI2) index on string keys', () => {
    dataTemplate().hasResourceProperties('AWS::DynamoDB::Table', {
      ResourcePolicy: Match.anyValue(),
      GlobalSecondaryIndexes: [1, 2].map((n) => ({
        IndexName: `GSI${n}`,
        KeySchema: [
          { AttributeName: `gsi${n}pk`, KeyType: 'HASH' },
          { AttributeName: `gsi${n}sk`, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
    });
  });

  it('tells no function of a stage without the setting where the by-day index ends', () => {
    expect(cutOverOf(apiTemplate())).toEqual([]);
  });

  it('tells the ledger export, and only it, the stage’s LEDGER_DAY_INDEX_UNTIL', () => {
    const { api } = buildApp({
      stage: 'upgraded',
      bundling: false,
      context: { ledgerDayIndexUntil: { upgraded: '2026-12-10' } },
    });

    expect(cutOverOf(Template.fromStack(api))).toEqual([['functions/api/ledger/handler.ts', '2026-12-10']]);
  });
});

describe('ledgerDayIndexUntil (context)', () => {
  it('reads one date for every stage, or one per stage from an object or a -c JSON string', () => {
    expect(ledgerDayIndexUntil('prod', '2026-12-10')).toBe('2026-12-10');
    expect(ledgerDayIndexUntil('prod', { prod: '2026-12-10' })).toBe('2026-12-10');
    expect(ledgerDayIndexUntil('prod', JSON.stringify({ prod: '2026-12-11' }))).toBe('2026-12-11');
    expect(ledgerDayIndexUntil('dev', { prod: '2026-12-10' })).toBeUndefined();
    expect(ledgerDayIndexUntil('dev', undefined)).toBeUndefined();
  });

  it('fails synth on anything but a calendar date, naming the stage', () => {
    for (const bad of ['2026-02-30', '2026-12-10T00:00:00Z', 20261210]) {
      expect(() => ledgerDayIndexUntil('prod', bad)).toThrow(/ledgerDayIndexUntil for stage prod/);
    }
  });
});
