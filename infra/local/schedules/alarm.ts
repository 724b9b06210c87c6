/** Node's timers hold at most 2^31 - 1 ms (about 24.8 days); a longer delay would fire at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface Alarm {
  cancel(): void;
}

/** Calls `fire` at `when`, however far away (a quarterly job's next run is months off). */
export const setAlarm = (when: Date, fire: () => void, now: () => number = Date.now): Alarm => {
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    const remaining = when.getTime() - now();
    if (remaining <= 0) {
      timer = undefined;
      fire();
      return;
    }
    timer = setTimeout(arm, Math.min(remaining, MAX_TIMER_MS));
    // A pending alarm must not keep the process alive after local mode stops.
    timer.unref();
  };
  arm();
  return { cancel: () => clearTimeout(timer) };
};
