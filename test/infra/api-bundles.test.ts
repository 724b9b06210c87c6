import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { buildBundle } from '../../bench/build-bundle';
import { apiTemplate } from './synthesized';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const outRoot = mkdtempSync(join(tmpdir(), 'qinqing-bundles-'));
afterAll(() => rmSync(outRoot, { recursive: true, force: true }));

const entries = [
  ...new Set(
    Object.values(apiTemplate().findResources('AWS::Lambda::Function')).map(
      (fn) => fn.Metadata?.['local:entry'] as string | undefined,
    ),
  ),
].filter((entry): entry is string => entry !== undefined);

/** The packages a bundle is built from, as esbuild's metafile lists its inputs. */
const bundledFrom = async (entry: string): Promise<string[]> => {
  const outdir = join(outRoot, entry.replaceAll('/', '-'));
  const { metafile } = await buildBundle(repoRoot, entry, outdir);
  return Object.keys(metafile.inputs);
};

const STEP_FUNCTIONS_CLIENT = /node_modules\/@aws-sdk\/client-sfn\//;

/**
 * API handlers stay within their bundle budget (`npm run bench`) and never call Step Functions after
 * a commit (the outbox does): no module they import may pull in the Step Functions client.
 */
describe('API bundles', () => {
  const apiEntries = entries.filter((entry) => entry.startsWith('functions/api/'));

  it('covers every API area', () => {
    expect(apiEntries.length).toBeGreaterThanOrEqual(9);
  });

  it.each(apiEntries)('%s bundles no @aws-sdk/client-sfn', async (entry) => {
    expect((await bundledFrom(entry)).filter((input) => STEP_FUNCTIONS_CLIENT.test(input))).toEqual([]);
  });

  it('the delivery function does bundle it (the check sees the client where it is)', async () => {
    const inputs = await bundledFrom('functions/workflow/deliver-signals/handler.ts');
    expect(inputs.some((input) => STEP_FUNCTIONS_CLIENT.test(input))).toBe(true);
  });
});

const EVENTBRIDGE_CLIENT = /node_modules\/@aws-sdk\/client-eventbridge\//;

/** Program events leave through the table stream: no API handler or job carries the EventBridge client. */
describe('the EventBridge client', () => {
  const notPublisher = entries.filter((entry) => entry !== 'functions/events/publish-reports/handler.ts');

  it.each(notPublisher.filter((entry) => /^functions\/(api|jobs)\//.test(entry)))(
    '%s does not bundle it',
    async (entry) => {
      expect((await bundledFrom(entry)).filter((input) => EVENTBRIDGE_CLIENT.test(input))).toEqual([]);
    },
  );

  it('the publisher does (the check sees the client where it is)', async () => {
    const inputs = await bundledFrom('functions/events/publish-reports/handler.ts');
    expect(inputs.some((input) => EVENTBRIDGE_CLIENT.test(input))).toBe(true);
  });
});
