import type { ComponentHealth } from '../health/component-health';
import type { LocalModule, LocalModuleContext } from '../local-module';
import { type Alarm, setAlarm } from './alarm';
import { type ScheduleDefinition, scheduleDefinitions } from './rules';
import { type NextFiring, parseScheduleExpression } from './schedule-expression';
import { scheduledEvent } from './scheduled-event';

export interface SchedulesOptions {
  now?: () => number;
  log?: (line: string) => void;
  /** Lambda waits about a minute, then two, between retries of an asynchronous invocation; locally seconds do. */
  retryDelayMs?: number;
}

type Context = Pick<LocalModuleContext, 'invoke' | 'region' | 'accountId' | 'deadLetters'>;

/** A rule's last firing, for `/_local/health`. */
interface LastRun {
  functionLogicalId: string;
  firedAt: string;
  outcome: 'running' | 'succeeded' | 'dead-lettered';
  attempts: number;
  error?: string;
}

const RETRY_DELAY_MS = 1_000;

/** The program's own clock: firings are logged in Shanghai time, as the schedules are meant. */
const shanghaiTime = (time: Date) =>
  `${new Date(time.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')} Asia/Shanghai`;

const failure = (error: Error) => `${error.name}: ${error.message}`;

/**
 * One rule's firing loop: at each occurrence of its cron, the scheduled event goes to each target
 * function in-process (asynchronously, as EventBridge invokes Lambda); a failed invocation is retried
 * as Lambda retries an asynchronous one, then kept as a dead letter (on AWS: the job's dead-letter
 * queue). Then the next occurrence is set.
 */
const scheduleRule = (
  rule: ScheduleDefinition & { next: NextFiring },
  context: Context,
  { now, log, retryDelayMs }: Required<SchedulesOptions>,
) => {
  let alarm: Alarm | undefined;
  const lastRuns = new Map<string, LastRun>();
  const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  const run = async (functionLogicalId: string, time: Date) => {
    const event = scheduledEvent({ time, ruleName: rule.ruleName, ...context });
    const retries = rule.retryAttempts[functionLogicalId] ?? 0;
    const last: LastRun = { functionLogicalId, firedAt: time.toISOString(), outcome: 'running', attempts: 0 };
    lastRuns.set(functionLogicalId, last);
    const label = `[schedule] ${rule.ruleName} → ${functionLogicalId}`;
    for (;;) {
      const started = now();
      last.attempts++;
      try {
        await context.invoke(functionLogicalId, event);
        log(`${label}: done (${now() - started} ms)`);
        last.outcome = 'succeeded';
        delete last.error;
        return;
      } catch (error) {
        last.error = failure(error as Error);
        log(`${label}: failed: ${last.error}`);
      }
      if (last.attempts > retries) break;
      await wait(retryDelayMs * last.attempts);
    }
    await context.deadLetters.add({
      source: 'schedule',
      origin: rule.ruleName,
      functionLogicalId,
      event,
      error: last.error ?? 'failed',
      attempts: last.attempts,
    });
    last.outcome = 'dead-lettered';
    log(`${label}: dead-lettered after ${last.attempts} attempts (GET /_local/dead-letters)`);
  };

  const fire = (time: Date) => {
    for (const functionLogicalId of rule.functionLogicalIds) {
      log(`[schedule] ${rule.ruleName} fired at ${shanghaiTime(time)} → ${functionLogicalId}`);
      void run(functionLogicalId, time).catch((error: Error) =>
        log(
          `[schedule] ${rule.ruleName} → ${functionLogicalId}: not kept as a dead letter: ${failure(error)}`,
        ),
      );
    }
  };
  let nextTime: Date | undefined;
  const armNext = () => {
    nextTime = rule.next(new Date(now())) ?? undefined;
    const time = nextTime;
    if (!time) return undefined;
    alarm = setAlarm(
      time,
      () => {
        fire(time);
        armNext();
      },
      now,
    );
    return time;
  };
  const first = armNext();
  return {
    first,
    status: () => ({
      rule: rule.ruleName,
      expression: rule.expression,
      ...(nextTime ? { nextRunAt: nextTime.toISOString() } : {}),
      lastRuns: [...lastRuns.values()],
    }),
    cancel: () => alarm?.cancel(),
  };
};

/**
 * EventBridge schedules as a local module: the template's scheduled rules fire their job functions
 * in-process while `npm start` runs, each firing logged. Jobs also run by hand: `POST /jobs/{job}/runs`.
 */
export const schedulesModule = (options: SchedulesOptions = {}): LocalModule => ({
  name: 'schedules',
  async start(context) {
    const settings = {
      now: options.now ?? Date.now,
      log: options.log ?? console.log,
      retryDelayMs: options.retryDelayMs ?? RETRY_DELAY_MS,
    };
    const rules = context.stacks
      .flatMap(scheduleDefinitions)
      .map((rule) => ({ ...rule, next: parseScheduleExpression(rule.expression) }));
    const running = rules.map((rule) => ({ rule, ...scheduleRule(rule, context, settings) }));
    const health = async (): Promise<ComponentHealth> => {
      const statuses = running.map(({ status }) => status());
      const deadLettered = statuses.flatMap(({ lastRuns }) =>
        lastRuns.filter(({ outcome }) => outcome === 'dead-lettered'),
      );
      return {
        component: 'schedules',
        status: deadLettered.length > 0 ? 'attention' : 'ok',
        summary:
          deadLettered.length > 0
            ? `last run failed: ${deadLettered.map(({ functionLogicalId }) => functionLogicalId).join(', ')}`
            : `${statuses.length} rules armed`,
        details: statuses,
      };
    };
    return {
      banner: running.map(
        ({ rule, first }) =>
          `Schedule        ${rule.ruleName}  ${rule.expression}  next ${first ? shanghaiTime(first) : 'never'}`,
      ),
      health,
      stop: async () => {
        for (const { cancel } of running) cancel();
      },
    };
  },
});
