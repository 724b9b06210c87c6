import type { Role } from '../shared/domain/roles';
import type { Api } from './api-client';

export interface Scope {
  enterpriseId?: string;
  unitId?: string;
}

/**
 * What the smoke needs of the system it drives: tokens, and whether it may make its own master data
 * and run jobs for future dates. Local mode mints tokens for any scope; a deployed stage takes them
 * from the environment, scoped by its identity provider to a unit and an enterprise that exist.
 */
export interface SmokeTarget {
  kind: 'local' | 'deployed';
  token(role: Role, scope?: Scope): Promise<string>;
  /** Set on a deployed stage: the unit and the enterprise its department and enterprise tokens are for. */
  given?: { unitId: string; enterpriseId: string };
  /** Running the daily sweep for a future date supervises every real issue due by then. */
  mayRunSweep: boolean;
}

const required = (env: NodeJS.ProcessEnv, name: string): string => {
  const value = env[name];
  if (!value)
    throw new Error(`${name} is not set: a deployed system's tokens and scope come from the environment`);
  return value;
};

const ENV_TOKEN: Partial<Record<Role, string>> = {
  operator: 'SMOKE_TOKEN_OPERATOR',
  admin: 'SMOKE_TOKEN_ADMIN',
  department: 'SMOKE_TOKEN_DEPARTMENT',
  enterprise: 'SMOKE_TOKEN_ENTERPRISE',
};

/** A system answering `POST /_local/token` is local mode. */
export const detectTarget = async (api: Api, env: NodeJS.ProcessEnv): Promise<SmokeTarget> => {
  const probe = await api<{ token?: string }>('POST', '/_local/token', { body: { role: 'operator' } });
  if (probe.status === 200 && probe.body.token) {
    return {
      kind: 'local',
      mayRunSweep: true,
      token: async (role, scope = {}) => {
        const { status, body } = await api<{ token: string }>('POST', '/_local/token', {
          body: { role, sub: `smoke-${role}`, ...scope },
        });
        if (status !== 200) throw new Error(`POST /_local/token for ${role} answered ${status}`);
        return body.token;
      },
    };
  }
  return {
    kind: 'deployed',
    mayRunSweep: env.SMOKE_ALLOW_SWEEP === 'true',
    given: { unitId: required(env, 'SMOKE_UNIT_ID'), enterpriseId: required(env, 'SMOKE_ENTERPRISE_ID') },
    token: async (role) => {
      const name = ENV_TOKEN[role];
      if (!name) throw new Error(`the smoke has no token for ${role}`);
      return required(env, name);
    },
  };
};
