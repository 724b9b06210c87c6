import type { Actor } from '../../domain/issues/issue';

/** Who the ledger names for the transitions the workflow makes by itself. */
export const WORKFLOW_ACTOR: Actor = { sub: 'workflow', role: 'system' };
