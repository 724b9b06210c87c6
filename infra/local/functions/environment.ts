import { LocalModeError } from '../local-mode-error';
import { type FunctionDefinition, functionDefinitions } from '../template/functions';
import { type ResolveScope, resolveString, UnresolvableValue } from '../template/intrinsics';
import type { StackTemplate } from '../template/types';

/** One function's environment with every intrinsic resolved to its local value. */
export const resolveFunctionEnvironment = (
  definition: FunctionDefinition,
  scope: ResolveScope,
): Record<string, string> =>
  Object.fromEntries(
    Object.entries(definition.environment).map(([name, value]) => {
      try {
        return [name, resolveString(value, definition.stack, scope)];
      } catch (error) {
        if (!(error instanceof UnresolvableValue)) throw error;
        throw new LocalModeError(
          `Function ${definition.logicalId}: environment variable ${name}: ${error.message}`,
        );
      }
    }),
  );

/**
 * Locally every function shares one process and so one `process.env`. That is only faithful when
 * the functions agree on every variable they set; a disagreement fails the start rather than letting
 * one function silently read another's value.
 */
export const sharedEnvironment = (
  environments: readonly { logicalId: string; environment: Record<string, string> }[],
): Record<string, string> => {
  const shared: Record<string, string> = {};
  const setBy: Record<string, string> = {};
  for (const { logicalId, environment } of environments) {
    for (const [name, value] of Object.entries(environment)) {
      if (name in shared && shared[name] !== value) {
        throw new LocalModeError(
          `Functions ${setBy[name]} and ${logicalId} need different values for ${name} ` +
            `("${shared[name]}" vs "${value}"), but locally all functions share one process`,
        );
      }
      shared[name] = value;
      setBy[name] = logicalId;
    }
  }
  return shared;
};

/** The template's local functions and the one environment they run with. */
export const functionsWithEnvironment = (stacks: readonly StackTemplate[], scope: ResolveScope) => {
  const definitions = stacks.flatMap(functionDefinitions);
  const environment = sharedEnvironment(
    definitions.map((definition) => ({
      logicalId: definition.logicalId,
      environment: resolveFunctionEnvironment(definition, scope),
    })),
  );
  return { definitions, environment };
};
