/**
 * `npm run seed [-- --scale 0.1] [--url http://localhost:3000] [--data-dir DIR]`: loads the demo data
 * set into local mode (`POST /_local/seed`). Uses the running `npm start` when it answers at the URL;
 * otherwise starts local mode itself on the data directory for the duration of the seed. Idempotent:
 * a second run creates nothing and prints the same counts.
 */
import { parseArgs } from 'node:util';
import { startLocalMode } from '../local-mode';
import { LocalModeError } from '../local-mode-error';
import { parseStartOptions } from '../options';
import { freePort } from '../ports';

const { values } = parseArgs({
  options: { scale: { type: 'string' }, url: { type: 'string' }, 'data-dir': { type: 'string' } },
});

const answers = async (url: string) => {
  try {
    return (await fetch(`${url}/health`)).ok;
  } catch {
    return false;
  }
};

const url = values.url ?? 'http://localhost:3000';
let stop: (() => Promise<void>) | undefined;
try {
  let baseUrl = url;
  if (!(await answers(url))) {
    if (values.url) throw new LocalModeError(`nothing answers at ${url}`);
    console.log(`Nothing answers at ${url}; starting local mode for the seed…`);
    const port = ['--port', String(await freePort())];
    const dataDir = values['data-dir'] ? ['--data-dir', values['data-dir']] : [];
    const running = await startLocalMode(parseStartOptions([...port, ...dataDir], {}));
    stop = running.stop;
    baseUrl = running.url;
  }
  const response = await fetch(`${baseUrl}/_local/seed`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(values.scale === undefined ? {} : { scale: Number(values.scale) }),
  });
  const report = (await response.json()) as { counts: Record<string, number> };
  if (!response.ok) throw new LocalModeError(`the seed failed: ${JSON.stringify(report)}`);
  const { counts, ...summary } = report;
  console.log(JSON.stringify(summary, null, 2));
  console.table(counts);
} catch (error) {
  console.error(error instanceof LocalModeError ? `npm run seed: ${error.message}` : error);
  process.exitCode = 1;
} finally {
  await stop?.();
}
