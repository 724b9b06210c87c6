import type { LocalModule, LocalModuleContext } from '../local-module';
import { type Alarm, setAlarm } from './alarm';
import { type ScheduleDefinition, scheduleDefinitions } from './rules';
import { type NextFiring, parseScheduleExpression } from './schedule-expression';
import { scheduledEvent } from './scheduled-event';

export interface SchedulesOptions {
  now?: () => number;
  log?: (line: string) => void;
}

/** The program's own clock: firings are logged in Shanghai time, as the schedules are meant. */
const shanghaiTime = (time: Date) =>
  `${new Date(time.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')} Asia/Shanghai`;

/**
 * One rule's firing loop: at each occurrence of its cron, the scheduled event goes to each target
 * function in-process (asynchronously, as EventBridge invokes Lambda), then the next occurrence is set.
 */
const scheduleRule = (
  rule: ScheduleDefinition & { next: NextFiring },
  context: Pick<LocalModuleContext, 'invoke' | 'region' | 'accountId'>,
  { now, log }: Required<SchedulesOptions>,
) => {
  let alarm: Alarm | undefined;
  const fire = (time: Date) => {
    for (const functionLogicalId of rule.functionLogicalIds) {
      const event = scheduledEvent({ time, ruleName: rule.ruleName, ...context });
      const started = now();
      log(`[schedule] ${rule.ruleName} fired at ${shanghaiTime(time)} → ${functionLogicalId}`);
      Promise.resolve()
        .then(() => context.invoke(functionLogicalId, event))
        .then(
          () => log(`[schedule] ${rule.ruleName} → ${functionLogicalId}: done (${now() - started} ms)`),
          (error: Error) =>
            log(
              `[schedule] ${rule.ruleName} → ${functionLogicalId}: failed: ${error.name}: ${error.message}`,
            ),
        );
    }
  };
  const armNext = () => {
    const time = rule.next(new Date(now()));
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
  return { first, cancel: () => alarm?.cancel() };
};

/**
 * EventBridge schedules as a local module: the template's scheduled rules fire their job functions
 * in-process while `npm start` runs, each firing logged. Jobs also run by hand: `POST /jobs/{job}/runs`.
 */
export const schedulesModule = (options: SchedulesOptions = {}): LocalModule => ({
  name: 'schedules',
  async start(context) {
    const settings = { now: options.now ?? Date.now, log: options.log ?? console.log };
    const rules = context.stacks
      .flatMap(scheduleDefinitions)
      .map((rule) => ({ ...rule, next: parseScheduleExpression(rule.expression) }));
    const running = rules.map((rule) => ({ rule, ...scheduleRule(rule, context, settings) }));
    return {
      banner: running.map(
        ({ rule, first }) =>
          `Schedule        ${rule.ruleName}  ${rule.expression}  next ${first ? shanghaiTime(first) : 'never'}`,
      ),
      stop: async () => {
        for (const { cancel } of running) cancel();
      },
    };
  },
});
