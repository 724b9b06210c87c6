import type { CreatePolicyBody, DeliverPolicyBody, Policy, PolicyDelivery } from '../../contract/policies';
import type { IdempotencyToken } from '../../db/creation-guard';
import { NotFound } from '../../domain/errors';
import { newId, nowIso } from '../../domain/ids';
import { awarenessOf, sumAwareness, sumSurveys, surveyAwarenessOf } from '../../domain/policy-awareness';
import type { Caller } from '../../domain/viewer';
import { allEnterprises, findEnterprise } from '../../repositories/enterprises';
import {
  findDelivery,
  findPolicy,
  insertDelivery,
  insertPolicy,
  readTownAwareness,
  recordDeliveryRequest,
  saveAcknowledgement,
} from '../../repositories/policies';
import type { PolicyDeliveryRecord, PolicyRecord } from '../../repositories/records/policies';
import { allUnitsOfKind } from '../../repositories/units';
import { actorOf } from '../appraisals/actor';
import { allFieldsShown } from '../record-view';
import { assertReferencesFound } from '../references';

export const policyView = allFieldsShown<PolicyRecord, Policy>();
export const deliveryView = allFieldsShown<PolicyDeliveryRecord, PolicyDelivery>();

export const createPolicy = async (
  input: CreatePolicyBody,
  idempotency?: IdempotencyToken,
): Promise<Policy> => {
  const at = nowIso();
  const policy: PolicyRecord = { id: newId(), ...input, version: 1, createdAt: at, updatedAt: at };
  const view = policyView(policy);
  await insertPolicy(policy, idempotency?.guard(view));
  return view;
};

export const readPolicy = async (policyId: string): Promise<Policy> => {
  const policy = await findPolicy(policyId);
  if (!policy) throw new NotFound('The policy');
  return policyView(policy);
};

const DELIVERY_CONCURRENCY = 10;

/** The enterprises a delivery targets: named ones (each must exist), or those of a grid, town or industry. */
const targets = async (input: DeliverPolicyBody) => {
  if (input.enterpriseIds) {
    const found = await Promise.all(input.enterpriseIds.map((id) => findEnterprise(id)));
    assertReferencesFound(
      found.map((enterprise, i) => ({
        path: `body.enterpriseIds.${i}`,
        found: enterprise !== undefined,
        message: 'No enterprise with this id',
      })),
    );
    return found.flatMap((enterprise) => (enterprise ? [enterprise] : []));
  }
  const filter = input.gridId
    ? { gridId: input.gridId }
    : input.townUnitId
      ? { townUnitId: input.townUnitId }
      : { industry: input.industry };
  return allEnterprises(filter);
};

/**
 * Delivers a policy to every targeted enterprise that does not have it yet, each with its town's
 * count. The deliveries are written first and the request (with the Idempotency-Key's guard) last:
 * a retry after a failure skips the enterprises already reached and still answers once.
 */
export const deliverPolicy = async (
  caller: Caller,
  policyId: string,
  input: DeliverPolicyBody,
  idempotency?: IdempotencyToken,
) => {
  await readPolicy(policyId);
  const enterprises = await targets(input);
  const deliveredBy = actorOf(caller, ['operator', 'admin']);
  let delivered = 0;
  for (let i = 0; i < enterprises.length; i += DELIVERY_CONCURRENCY) {
    const written = await Promise.all(
      enterprises.slice(i, i + DELIVERY_CONCURRENCY).map((enterprise) =>
        insertDelivery({
          policyId,
          enterpriseId: enterprise.id,
          townUnitId: enterprise.townUnitId,
          date: input.date,
          ...(input.visitId ? { visitId: input.visitId } : {}),
          deliveredBy,
        }),
      ),
    );
    delivered += written.filter(Boolean).length;
  }
  const outcome = { policyId, delivered, alreadyDelivered: enterprises.length - delivered };
  await recordDeliveryRequest(policyId, newId(), outcome, idempotency?.guard(outcome));
  return outcome;
};

/** The enterprise acknowledges a policy delivered to it; one it never received is 404. */
export const acknowledgePolicy = async (caller: Caller, policyId: string): Promise<PolicyDelivery> => {
  const delivery = caller.enterpriseId ? await findDelivery(policyId, caller.enterpriseId) : undefined;
  if (!delivery) throw new NotFound('The policy delivery');
  const at = nowIso();
  await saveAcknowledgement(delivery, at);
  return deliveryView({ ...delivery, acknowledgedAt: at });
};

/**
 * Each town's awareness over a period, and the program's, for `/stats`: the acknowledgement rate of
 * deliveries, and beside it the questionnaire's measure (visits' answers on knowing the policies).
 */
export const policyAwareness = async (from: string, to: string) => {
  const towns = await allUnitsOfKind('town');
  const counts = await Promise.all(towns.map((town) => readTownAwareness(town.id, from, to)));
  return {
    overall: { ...awarenessOf(sumAwareness(counts)), questionnaire: surveyAwarenessOf(sumSurveys(counts)) },
    byTown: towns.map((town, i) => {
      const count = counts[i] ?? { delivered: 0, acknowledged: 0, surveyed: 0, surveyedAware: 0 };
      return { townUnitId: town.id, ...awarenessOf(count), questionnaire: surveyAwarenessOf(count) };
    }),
  };
};
