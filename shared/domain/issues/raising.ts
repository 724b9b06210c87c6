import { chainEntry, GENESIS_HASH, type LedgerEntry } from '../ledger/hash-chain';
import type { Role } from '../roles';
import type { Actor, Issue, IssueSource, IssueType } from './issue';
import { visibilityOf } from './ledger-visibility';

/** Roles that raise issues, in the order their authority is preferred when a caller holds several. */
export const RAISING_ROLES = ['admin', 'operator', 'cadre', 'enterprise'] as const;
export type RaisingRole = (typeof RAISING_ROLES)[number];

/**
 * Where an issue can come from, by who records it: an enterprise speaks for itself; a cadre brings it
 * from a grid visit or a residency; the service centre records any channel (hotline calls included).
 * The first source listed is the default.
 */
const SOURCES: Record<RaisingRole, readonly IssueSource[]> = {
  enterprise: ['self'],
  cadre: ['visit', 'resident'],
  operator: ['hotline', 'self', 'visit', 'resident'],
  admin: ['hotline', 'self', 'visit', 'resident'],
};

export const raisingRoleOf = (roles: readonly Role[]): RaisingRole | undefined =>
  RAISING_ROLES.find((role) => roles.includes(role));

/** The source to record, or undefined when the role cannot raise from that source. */
export const sourceFor = (role: RaisingRole, given: IssueSource | undefined): IssueSource | undefined => {
  const allowed = SOURCES[role];
  if (given === undefined) return allowed[0];
  return allowed.includes(given) ? given : undefined;
};

export const sourcesOf = (role: RaisingRole): readonly IssueSource[] => SOURCES[role];

/** What raising an issue needs to know: who, when, for which enterprise (as placed now), and what. */
export interface RaisedIssueFacts {
  id: string;
  at: string;
  actor: Actor;
  enterprise: { id: string; gridId: string; townUnitId: string };
  category: string;
  /** `problem` when the raiser did not say. */
  type?: IssueType;
  title: string;
  description: string;
  source: IssueSource;
  /** The visit the issue was raised at (source `visit` through POST /visits). */
  visitId?: string;
}

/**
 * A newly raised issue and its first ledger entry (`raised`, chained from the genesis hash): open, at
 * version 1, in the enterprise's grid and town. Every way of raising an issue builds it here.
 */
export const raisedIssue = (facts: RaisedIssueFacts): { issue: Issue; entry: LedgerEntry } => {
  const { id, at, actor, enterprise, category, title, description, source, visitId } = facts;
  const type = facts.type ?? 'problem';
  const entry = chainEntry(
    {
      issueId: id,
      seq: 1,
      at,
      actor,
      action: 'raised',
      fromStatus: null,
      toStatus: 'open',
      data: { enterpriseId: enterprise.id, category, type, title, source, ...(visitId ? { visitId } : {}) },
      visibility: visibilityOf('raised'),
    },
    GENESIS_HASH,
  );
  const issue: Issue = {
    id,
    enterpriseId: enterprise.id,
    gridId: enterprise.gridId,
    townUnitId: enterprise.townUnitId,
    category,
    type,
    title,
    description,
    source,
    ...(visitId ? { visitId } : {}),
    raisedBy: actor,
    status: 'open',
    reReviewCount: 0,
    ledgerHead: { seq: 1, hash: entry.hash },
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  return { issue, entry };
};
