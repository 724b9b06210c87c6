import { DETAIL_TYPES, EVENT_SCHEMA_VERSION, type ProgramFact } from './catalogue';

/** A program table item as its stream's new image shows it (unmarshalled). */
type Item = Record<string, unknown>;

const SHANGHAI_MIDNIGHT = 'T00:00:00+08:00';
const at = (date: unknown, fallback: unknown): Date =>
  typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date)
    ? new Date(`${date}${SHANGHAI_MIDNIGHT}`)
    : new Date(String(fallback));

/**
 * The program events a stored program-table row stands for, besides issues (whose events come from
 * their ledger entries) and weekly inspections (shared/events/inspection-events.ts): a consultation's
 * agenda fixed at its creation, a residency started or ended, a quarter's ranking revision published.
 * `inserted` tells a new row from a change (the stream shows only the new image).
 */
export const programFactsOf = (item: Item, inserted: boolean): ProgramFact[] => {
  const base = { schemaVersion: EVENT_SCHEMA_VERSION };
  switch (item.entity) {
    case 'consultation':
      if (!inserted) return [];
      return [
        {
          detailType: DETAIL_TYPES.consultationAgendaReady,
          id: `consultation/${item.id}/agenda`,
          time: new Date(String(item.createdAt)),
          detail: {
            ...base,
            consultationId: item.id,
            date: item.date,
            agendaIssueIds: item.agendaIssueIds,
            redCardIssueIds: item.redCardIssueIds ?? [],
          },
        },
      ];
    case 'residency': {
      const detail = {
        ...base,
        residencyId: item.id,
        cadreId: item.cadreId,
        enterpriseId: item.enterpriseId,
        batch: item.batch,
      };
      if (inserted) {
        return [
          {
            detailType: DETAIL_TYPES.residencyStarted,
            id: `residency/${item.id}/started`,
            time: at(item.startDate, item.createdAt),
            detail: { ...detail, startDate: item.startDate, endDate: item.endDate },
          },
        ];
      }
      if (item.status !== 'ended') return [];
      return [
        {
          detailType: DETAIL_TYPES.residencyEnded,
          id: `residency/${item.id}/ended`,
          time: at(item.endedOn, item.updatedAt),
          detail: { ...detail, endedOn: item.endedOn },
        },
      ];
    }
    case 'rankingHead':
      return [
        {
          detailType: DETAIL_TYPES.quarterlyRankingPublished,
          id: `ranking/${item.quarter}/${item.revision}`,
          time: new Date(String(item.computedAt)),
          detail: { ...base, quarter: item.quarter, revision: item.revision, asOf: item.asOf },
        },
      ];
    default:
      return [];
  }
};
