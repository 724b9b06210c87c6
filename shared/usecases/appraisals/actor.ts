import type { Role } from '../../domain/roles';
import type { Caller } from '../../domain/viewer';

/** Who acted, as the appraisal's records name them: the verified subject and the role it acted in. */
export const actorOf = (caller: Caller, acting: readonly Role[]): { sub: string; role: Role } => ({
  sub: caller.sub,
  role: caller.roles.find((role) => acting.includes(role)) ?? (acting[0] as Role),
});
