import { type ChildProcess, spawn } from 'node:child_process';
import { repoRoot } from '../../infra/local/paths';
import { freePort } from '../../infra/local/ports';

export interface LocalServerProcess {
  baseUrl: string;
  stop(): Promise<void>;
}

const STARTUP_TIMEOUT_MS = 110_000;
const STOP_GRACE_MS = 15_000;

const exitOf = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });

/** Polls /health; the server holds early requests until it is ready, so one answer means ready. */
const waitForHealth = async (baseUrl: string, child: ChildProcess, output: () => string) => {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  const exited = exitOf(child).then(() => {
    throw new Error(`local server exited during startup:\n${output()}`);
  });
  exited.catch(() => {});
  while (Date.now() < deadline) {
    try {
      const response = await Promise.race([fetch(`${baseUrl}/health`), exited]);
      if (response.ok) return;
    } catch (error) {
      if ((error as Error).message.startsWith('local server exited')) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`local server did not answer /health within ${STARTUP_TIMEOUT_MS / 1000} s:\n${output()}`);
};

/**
 * Runs `npm start` as the developer does (`tsx infra/local/start.ts`), as a child process on a free
 * port, and resolves once it answers. Output is kept and shown only if start-up fails.
 */
export const startLocalServer = async (options: {
  dataDir: string;
  fresh?: boolean;
}): Promise<LocalServerProcess> => {
  const port = await freePort();
  const args = ['infra/local/start.ts', '--data-dir', options.dataDir, ...(options.fresh ? ['--fresh'] : [])];
  // Node with tsx's loader directly (not the tsx CLI, which forks again): one process to signal.
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    cwd: repoRoot,
    env: { ...process.env, PORT: String(port), AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = `${output}${chunk.toString('utf8')}`.slice(-8000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const baseUrl = `http://127.0.0.1:${port}`;

  const stop = async () => {
    const exited = exitOf(child);
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    await exited;
    clearTimeout(timer);
  };

  try {
    await waitForHealth(baseUrl, child, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, stop };
};
