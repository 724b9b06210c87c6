/**
 * Policy awareness (政策知晓率, the seed's "提高企业对政策的知晓率"): of the policies delivered to a
 * town's enterprises in a period, the share the enterprises acknowledged. Each delivery counts once
 * on its delivery date and its acknowledgement on the same date, so a period's rate never passes 1.
 */
export interface AwarenessCounts {
  delivered: number;
  acknowledged: number;
}

export interface Awareness extends AwarenessCounts {
  /** acknowledged / delivered, to four places; null with nothing delivered. */
  rate: number | null;
}

export const awarenessOf = ({ delivered, acknowledged }: AwarenessCounts): Awareness => ({
  delivered,
  acknowledged,
  rate: delivered === 0 ? null : Math.round((acknowledged / delivered) * 10_000) / 10_000,
});

export const sumAwareness = (counts: readonly AwarenessCounts[]): AwarenessCounts =>
  counts.reduce(
    (sum, count) => ({
      delivered: sum.delivered + count.delivered,
      acknowledged: sum.acknowledged + count.acknowledged,
    }),
    { delivered: 0, acknowledged: 0 },
  );
