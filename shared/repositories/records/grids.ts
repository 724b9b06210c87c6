import type { RecordMeta } from '../../db/records';
import type { Actor } from './actor';

export interface GridRecord extends RecordMeta {
  code: string;
  name: string;
  townUnitId: string;
}

export interface TeamRecord extends RecordMeta {
  gridId: string;
  name: string;
  memberCadreIds: string[];
  /** Set by a team edit; null once cleared. */
  leaderCadreId?: string | null;
}

/** One edit of a team, kept in its history. */
export interface TeamEditRecord {
  teamId: string;
  gridId: string;
  /** The team version the edit made. */
  version: number;
  at: string;
  by: Actor;
  added: string[];
  removed: string[];
  leaderFrom: string | null;
  leaderTo: string | null;
  reason: string;
}
