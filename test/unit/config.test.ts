import { afterEach, describe, expect, it, vi } from 'vitest';

/** A fresh load of shared/config.ts with the environment a cold start would have. */
const loadConfig = async (environment: Record<string, string | undefined>) => {
  vi.resetModules();
  vi.unstubAllEnvs();
  for (const [name, value] of Object.entries(environment)) vi.stubEnv(name, value);
  return import('../../shared/config');
};

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('shared/config', () => {
  it('fails at load on a malformed name, naming the variable', async () => {
    await expect(loadConfig({ PROGRAM_TABLE: '' })).rejects.toThrow(
      /PROGRAM_TABLE must be a DynamoDB table name/,
    );
    await expect(loadConfig({ EVENT_BUS_NAME: 'bus name' })).rejects.toThrow(/EVENT_BUS_NAME/);
  });

  it('keeps what it read at load: a later change of the environment changes nothing', async () => {
    const config = await loadConfig({ PROGRAM_TABLE: 'program-a' });
    vi.stubEnv('PROGRAM_TABLE', 'program-b');
    expect(config.tableNames.program).toBe('program-a');
  });

  it('lets a function without a table load, and fails when it uses that table', async () => {
    const config = await loadConfig({ LEDGER_TABLE: undefined, EVENT_BUS_NAME: undefined });
    expect(() => config.tableNames.ledger).toThrow('Missing environment variable LEDGER_TABLE');
    expect(() => config.eventBusName()).toThrow('Missing environment variable EVENT_BUS_NAME');
  });

  it('reads LEDGER_DAY_INDEX_UNTIL as a calendar date, unset when absent, failing the load on anything else', async () => {
    expect((await loadConfig({ LEDGER_DAY_INDEX_UNTIL: '2026-12-10' })).ledgerDayIndexUntil()).toBe(
      '2026-12-10',
    );
    expect((await loadConfig({ LEDGER_DAY_INDEX_UNTIL: undefined })).ledgerDayIndexUntil()).toBeUndefined();
    await expect(loadConfig({ LEDGER_DAY_INDEX_UNTIL: '2026-02-30' })).rejects.toThrow(
      /LEDGER_DAY_INDEX_UNTIL must be a calendar date/,
    );
  });
});
