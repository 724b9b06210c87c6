import type { Viewer } from '../viewer';
import type { Actor } from './issue';

/**
 * Enterprises see what officials did and in which role, never who they are: an official's user id
 * is an internal account name, and the workflow's execution ARN names the AWS account the program
 * runs in. Anyone who holds an official role sees both.
 */
export const seesOfficialIdentities = (viewer: Viewer): boolean =>
  viewer.roles.some((role) => role !== 'enterprise');

/** An actor (of an issue or of a ledger entry) as the viewer may see it: an official's user id only for officials. */
export const actorShownTo = <A extends Pick<Actor, 'sub'> & { role: string }>(
  viewer: Viewer,
  actor: A,
): { sub?: string; role: A['role'] } =>
  seesOfficialIdentities(viewer) || actor.role === 'enterprise' ? actor : { role: actor.role };
