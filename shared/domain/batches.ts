import { InvalidTransition } from './errors';

/**
 * A secondment batch (批次) — the seed's "已累计安排三批180余名干部": planned, then active once its
 * cadres are sent, then ended. Status only moves forward; its report counts what happened to the
 * batch's residencies.
 */
export const BATCH_STATUSES = ['planned', 'active', 'ended'] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];

export const assertBatchTransition = (from: BatchStatus, to: BatchStatus): void => {
  if (BATCH_STATUSES.indexOf(to) < BATCH_STATUSES.indexOf(from)) {
    throw new InvalidTransition(`A ${from} batch cannot go back to ${to}.`);
  }
};

export interface BatchResidencyFacts {
  cadreId: string;
  status: 'active' | 'ended';
  evaluated: boolean;
  assessed: boolean;
  /** The cadre has a promotion recorded for this residency or dated on or after its start. */
  promoted: boolean;
}

export interface BatchFigures {
  /** Residencies of the batch (cadres sent). */
  sent: number;
  active: number;
  ended: number;
  evaluated: number;
  assessed: number;
  /** Distinct cadres of the batch promoted. */
  promoted: number;
  plannedSize: number;
  /** sent / plannedSize to four decimals; null for a batch planned at 0. */
  fillRate: number | null;
}

export const batchFigures = (
  plannedSize: number,
  residencies: readonly BatchResidencyFacts[],
): BatchFigures => {
  const count = (test: (r: BatchResidencyFacts) => boolean) => residencies.filter(test).length;
  const sent = residencies.length;
  return {
    sent,
    active: count((r) => r.status === 'active'),
    ended: count((r) => r.status === 'ended'),
    evaluated: count((r) => r.evaluated),
    assessed: count((r) => r.assessed),
    promoted: new Set(residencies.filter((r) => r.promoted).map((r) => r.cadreId)).size,
    plannedSize,
    fillRate: plannedSize === 0 ? null : Math.round((sent / plannedSize) * 10_000) / 10_000,
  };
};
