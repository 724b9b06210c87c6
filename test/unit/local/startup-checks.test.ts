import { describe, expect, it } from 'vitest';
import { javaMajorVersion } from '../../../infra/local/dynamodb/java';
import { parseStartOptions } from '../../../infra/local/options';
import { DEFAULT_DATA_DIR } from '../../../infra/local/paths';

describe('javaMajorVersion', () => {
  it.each([
    ['openjdk version "17.0.15" 2025-04-15', 17],
    ['openjdk version "21" 2023-09-19', 21],
    ['java version "1.8.0_392"', 8],
    ['nothing useful', undefined],
  ])('reads %s as %s', (output, major) => {
    expect(javaMajorVersion(output)).toBe(major);
  });
});

describe('parseStartOptions', () => {
  it('defaults to port 3000, the repo’s .local and kept data', () => {
    expect(parseStartOptions([], {})).toEqual({ port: 3000, dataDir: DEFAULT_DATA_DIR, fresh: false });
  });

  it('takes PORT, --port (which wins), --fresh, --data-dir and --dynamodb-port', () => {
    const options = parseStartOptions(
      ['--fresh', '--data-dir', '/tmp/q', '--port', '4000', '--dynamodb-port', '8001'],
      { PORT: '3500' },
    );

    expect(options).toEqual({ port: 4000, dataDir: '/tmp/q', fresh: true, dynamoDbPort: 8001 });
    expect(parseStartOptions([], { PORT: '3500' }).port).toBe(3500);
  });

  it('passes LEDGER_DAY_INDEX_UNTIL on when set', () => {
    expect(parseStartOptions([], { LEDGER_DAY_INDEX_UNTIL: '2026-12-10' }).ledgerDayIndexUntil).toBe(
      '2026-12-10',
    );
  });

  it('explains a bad port or an unknown option in one line', () => {
    expect(() => parseStartOptions([], { PORT: 'http' })).toThrow(
      'PORT must be a port number (1–65535), not "http"',
    );
    expect(() => parseStartOptions(['--frsh'], {})).toThrow(/Unknown option '--frsh'.*usage: npm start/);
  });
});
