import type { AslDefinition, AslState } from './asl';

/**
 * Node's timers hold at most 2^31 - 1 ms (about 24.8 days); a longer delay fires at once. The engine
 * arms one timer per Task from its TimeoutSeconds, so the 365-day safety net of a callback wait would
 * time it out the moment it starts. Locally such a timeout is shortened to this, which no local run
 * reaches; the deployed definition keeps its own value.
 */
export const MAX_LOCAL_TIMEOUT_SECONDS = 24 * 24 * 60 * 60;

const capState = (state: AslState): AslState => {
  if (state.Type !== 'Task') return state;
  // The engine's default for a Task without TimeoutSeconds is 60 s; Step Functions' is practically
  // unbounded. Capping the absent value too keeps a local wait from failing where a deployed one would not.
  const timeout = typeof state.TimeoutSeconds === 'number' ? state.TimeoutSeconds : Number.POSITIVE_INFINITY;
  return { ...state, TimeoutSeconds: Math.min(timeout, MAX_LOCAL_TIMEOUT_SECONDS) };
};

/** The definition as the local engine must run it to behave like Step Functions (see above). */
export const withLocalTimeouts = (definition: AslDefinition): AslDefinition => ({
  ...definition,
  States: Object.fromEntries(
    Object.entries(definition.States).map(([name, state]) => [name, capState(state)]),
  ),
});
