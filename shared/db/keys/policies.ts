import type { IndexPartition, ItemKey, KeyRange } from './attributes';

/**
 * The policy library (送政策, docs/policies.md): a policy with its deliveries (one per enterprise) and
 * delivery requests in its partition; each town's day counters of delivered and acknowledged
 * policies; GSI1 all policies by issue date (`issuedOn#id`).
 */
export const policyKeys = {
  item: (id: string): ItemKey => ({ pk: `POLICY#${id}`, sk: 'POLICY' }),
  delivery: (policyId: string, enterpriseId: string): ItemKey => ({
    pk: `POLICY#${policyId}`,
    sk: `DELIVERY#${enterpriseId}`,
  }),
  deliveriesOf: (policyId: string): KeyRange => ({
    partition: `POLICY#${policyId}`,
    sortPrefix: 'DELIVERY#',
  }),
  /** A finished delivery request, which carries the request's creation guard. */
  deliveryRequest: (policyId: string, requestId: string): ItemKey => ({
    pk: `POLICY#${policyId}`,
    sk: `REQUEST#${requestId}`,
  }),
  /** A town's delivered and acknowledged counts of one program day (the delivery's date). */
  townAwarenessDay: (townUnitId: string, date: string): ItemKey => ({
    pk: `PAWARE#${townUnitId}`,
    sk: `DAY#${date}`,
  }),
  townAwarenessBetween: (townUnitId: string, from: string, to: string) => ({
    partition: `PAWARE#${townUnitId}`,
    sortBetween: { from: `DAY#${from}`, to: `DAY#${to}` },
  }),
  all: (sort?: string): IndexPartition => ({ index: 'GSI1', partition: 'POLICY', sort }),
};
