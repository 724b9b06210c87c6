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

class ServerExited extends Error {}

/** Polls /health; the server holds early requests until it is ready, so one answer means ready. */
const waitForHealth = async (baseUrl: string, child: ChildProcess, output: () => string) => {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  const exited = exitOf(child).then(() => {
    throw new ServerExited(`local server exited during startup:\n${output()}`);
  });
  exited.catch(() => {});
  while (Date.now() < deadline) {
    try {
      const response = await Promise.race([fetch(`${baseUrl}/health`), exited]);
      if (response.ok) return;
    } catch (error) {
      // Connection refused means not listening yet; only the server's exit ends the wait early.
      if (error instanceof ServerExited) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`local server did not answer /health within ${STARTUP_TIMEOUT_MS / 1000} s:\n${output()}`);
};

/** `tsx infra/local/start.ts` through Node with tsx's loader (not the tsx CLI, which forks again): one process to signal. */
const spawnLocalServer = (args: readonly string[], env: Record<string, string>) =>
  spawn(process.execPath, ['--import', 'tsx', 'infra/local/start.ts', ...args], {
    cwd: repoRoot,
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });

/**
 * Runs `npm start` as the developer does, as a child process on a free port, and resolves once it
 * answers. Output is kept and shown only if start-up fails.
 */
export const startLocalServer = async (options: {
  dataDir: string;
  fresh?: boolean;
  /** Extra variables for the server, e.g. LOCAL_QUEUE_TIME_SCALE. */
  env?: Record<string, string>;
}): Promise<LocalServerProcess> => {
  const port = await freePort();
  const child = spawnLocalServer(['--data-dir', options.dataDir, ...(options.fresh ? ['--fresh'] : [])], {
    ...options.env,
    PORT: String(port),
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

/** Runs a start that is expected to fail, and resolves with how it ended. */
export const runFailingStart = async (
  args: readonly string[],
  env: Record<string, string>,
): Promise<{ exitCode: number | null; stdout: string; stderr: string }> => {
  const child = spawnLocalServer(args, env);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  await exitOf(child);
  return { exitCode: child.exitCode, stdout, stderr };
};
