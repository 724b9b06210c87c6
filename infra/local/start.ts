/** `npm start`: runs the whole system on this machine; see ARCHITECTURE.md, "Local mode". */

import { type RunningLocalMode, startLocalMode } from './local-mode';
import { LocalModeError } from './local-mode-error';
import { parseStartOptions } from './options';

let running: RunningLocalMode | undefined;

let stopping = false;
// Ctrl-C reaches this process twice under `npm start` (from the terminal and relayed by tsx), so later
// signals are ignored; stopping is bounded anyway. Before start-up completes there is nothing to stop
// gracefully: exiting kills the JVM (see launchDynamoDbLocal).
const shutdown = async () => {
  if (stopping) return;
  stopping = true;
  await running?.stop();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);

try {
  running = await startLocalMode(parseStartOptions(process.argv.slice(2), process.env));
  console.log(running.banner.join('\n'));
} catch (error) {
  console.error(error instanceof LocalModeError ? `npm start: ${error.message}` : error);
  process.exit(1);
}
