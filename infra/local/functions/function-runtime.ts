import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Context } from 'aws-lambda';
import { LocalModeError } from '../local-mode-error';
import { repoRoot } from '../paths';
import type { FunctionDefinition } from '../template/functions';
import { localInvocationScope } from './invocation-scope';
import { lambdaContext } from './lambda-context';
import { enforceResponseLimit } from './response-limit';

type Handler = (event: unknown, context: Context) => Promise<unknown>;

/**
 * Runs the template's functions in this process from their TypeScript entries. A handler module is
 * imported on its first invocation, like a cold start, so `process.env` must be complete before then.
 */
export const functionRuntime = (
  definitions: readonly FunctionDefinition[],
  target: { region: string; accountId: string },
) => {
  const byLogicalId = new Map(definitions.map((definition) => [definition.logicalId, definition]));
  for (const definition of definitions) {
    if (!existsSync(join(repoRoot, definition.entry))) {
      throw new LocalModeError(`Function ${definition.logicalId}: entry ${definition.entry} does not exist`);
    }
  }
  const handlers = new Map<string, Promise<Handler>>();

  const load = async (definition: FunctionDefinition): Promise<Handler> => {
    const module = (await import(pathToFileURL(join(repoRoot, definition.entry)).href)) as Record<
      string,
      unknown
    >;
    const handler = module[definition.handlerExport];
    if (typeof handler !== 'function') {
      throw new Error(`${definition.entry} does not export a function named ${definition.handlerExport}`);
    }
    return handler as Handler;
  };

  return {
    has: (logicalId: string) => byLogicalId.has(logicalId),
    async invoke(logicalId: string, event: unknown): Promise<unknown> {
      const definition = byLogicalId.get(logicalId);
      if (!definition) throw new Error(`No local function ${logicalId}`);
      let handler = handlers.get(logicalId);
      if (!handler) {
        handler = load(definition);
        handlers.set(logicalId, handler);
      }
      const run = await handler;
      const invocation = { logicalId, entry: definition.entry, event };
      const result = await localInvocationScope.run(invocation, () =>
        run(event, lambdaContext(definition, target)),
      );
      return enforceResponseLimit(logicalId, result);
    },
  };
};
export type FunctionRuntime = ReturnType<typeof functionRuntime>;
