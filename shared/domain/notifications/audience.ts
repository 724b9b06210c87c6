import { DETAIL_TYPES, type DetailType } from './catalogue';

/** Who may hear of something: a unit, an enterprise, or everyone holding a role. */
export type Party =
  | { kind: 'unit'; id: string }
  | { kind: 'enterprise'; id: string }
  | { kind: 'role'; id: 'leader' | 'operator' };

export type PartyKind = Party['kind'];

export const partyKey = (party: Party): string => `${party.kind}#${party.id}`;

/** What the router knows of the issue an event is about (read fresh, not carried in the event). */
export interface IssueContext {
  enterpriseId: string;
  /** The unit responsible now, or the one the event names. */
  unitId?: string;
}

const D = DETAIL_TYPES;

const enterpriseOf = (detail: Record<string, unknown>): Party[] =>
  typeof detail.enterpriseId === 'string' ? [{ kind: 'enterprise', id: detail.enterpriseId }] : [];

/**
 * Who is concerned by an event, whatever they subscribed to: the unit handling the issue hears of
 * its work, the enterprise of its own issue, the service centre (operators, who supervise) of what
 * goes wrong, leaders of consultations. A subscription can narrow what its owner hears among these,
 * never widen it: a unit never hears of another unit's issue.
 */
export const audienceOf = (
  detailType: DetailType,
  detail: Record<string, unknown>,
  issue?: IssueContext,
): Party[] => {
  const unit = (id: unknown): Party[] => (typeof id === 'string' && id ? [{ kind: 'unit', id }] : []);
  const enterprise: Party[] = issue ? [{ kind: 'enterprise', id: issue.enterpriseId }] : [];
  const operators: Party[] = [{ kind: 'role', id: 'operator' }];
  const leaders: Party[] = [{ kind: 'role', id: 'leader' }];
  const handling = unit(detail.unitId ?? detail.leadUnitId ?? detail.responsibleUnitId ?? issue?.unitId);
  const coUnits = Array.isArray(detail.coUnitIds) ? detail.coUnitIds.flatMap(unit) : [];
  switch (detailType) {
    case D.issueRaised:
    case D.issueEscalated:
      return [...operators];
    case D.issueAssigned:
      return [...handling, ...coUnits, ...enterprise];
    case D.issueDueSoon:
      return [...handling];
    case D.issueSupervised:
      return [...handling, ...operators];
    case D.issueReturned:
      return [...handling, ...operators];
    case D.issueSentToConsultation:
      return [...handling, ...operators, ...leaders];
    case D.consultationDecided:
      return [...handling, ...coUnits, ...operators];
    case D.issueResolved:
      return [...enterprise, ...operators];
    case D.verdictRequested:
      return [...enterprise];
    case D.verdictRecorded:
      return [...handling, ...operators];
    case D.issueClosed:
      return [...enterprise, ...handling];
    case D.consultationAgendaReady:
      return [...leaders, ...operators];
    case D.residencyStarted:
    case D.residencyEnded:
      return [...enterpriseOf(detail), ...operators];
    case D.weeklyInspectionReported:
      return [...unit(detail.unitId), ...operators];
    case D.quarterlyRankingPublished:
      return [...leaders, ...operators];
  }
};

/**
 * What a subscription hears when it names no event types: an assigned unit its assignments, due
 * soon and overdue; the enterprise its resolution, the verdict asked of it and closure; leaders the
 * consultation agenda; the service centre what needs its supervision.
 */
export const DEFAULT_EVENT_TYPES: Record<string, readonly DetailType[]> = {
  unit: [D.issueAssigned, D.issueDueSoon, D.issueSupervised, D.consultationDecided],
  enterprise: [D.issueResolved, D.verdictRequested, D.issueClosed],
  'role#leader': [D.consultationAgendaReady, D.quarterlyRankingPublished],
  'role#operator': [D.issueEscalated, D.issueSupervised, D.issueReturned, D.issueSentToConsultation],
};

export const defaultEventTypesOf = (party: Party): readonly DetailType[] =>
  DEFAULT_EVENT_TYPES[party.kind === 'role' ? `role#${party.id}` : party.kind] ?? [];
