import type { ComponentHealth } from './health/component-health';
import type { LocalModule, LocalModuleContext, LocalRoute, StartedLocalModule } from './local-module';
import type { ResourceNamers } from './template/intrinsics';

export interface StartedModules {
  environment: Record<string, string>;
  namers: ResourceNamers;
  routes: LocalRoute[];
  banner: string[];
  health(): Promise<ComponentHealth[]>;
  /** Stops the modules in reverse order of starting. */
  stop(): Promise<void>;
}

const stopAll = async (started: readonly StartedLocalModule[]) => {
  for (const module of [...started].reverse()) await module.stop();
};

/** Starts the modules one after another; if one fails, those already started are stopped again. */
export const startModules = async (
  modules: readonly LocalModule[],
  context: LocalModuleContext,
): Promise<StartedModules> => {
  const started: StartedLocalModule[] = [];
  try {
    for (const module of modules) started.push(await module.start(context));
  } catch (error) {
    await stopAll(started);
    throw error;
  }
  return {
    environment: Object.assign({}, ...started.map((module) => module.environment ?? {})),
    namers: Object.assign({}, ...started.map((module) => module.namers ?? {})),
    routes: started.flatMap((module) => module.routes ?? []),
    banner: started.flatMap((module) => module.banner ?? []),
    health: () => Promise.all(started.flatMap((module) => (module.health ? [module.health()] : []))),
    stop: () => stopAll(started),
  };
};
