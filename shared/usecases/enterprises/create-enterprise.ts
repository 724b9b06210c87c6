import type { CreateEnterpriseBody, Enterprise } from '../../contract/enterprises';
import type { IdempotencyToken } from '../../db/creation-guard';
import { checkCreditCode } from '../../domain/credit-code';
import { InputRejected } from '../../domain/errors';
import { newId, nowIso } from '../../domain/ids';
import { insertEnterprise } from '../../repositories/enterprises';
import type { EnterpriseRecord } from '../../repositories/records/enterprises';
import { checkPlacement } from './check-placement';
import { enterpriseView } from './enterprise-view';

/**
 * Registers an enterprise: the credit code's check character must hold (a typo is caught before
 * anything is read), town and grid must exist and agree, and the code must be new; the record and
 * the code's claim are written in one transaction, so a failed check leaves nothing behind.
 */
export const createEnterprise = async (
  input: CreateEnterpriseBody,
  idempotency?: IdempotencyToken,
): Promise<Enterprise> => {
  if (checkCreditCode(input.creditCode) !== 'valid') {
    throw new InputRejected('CREDIT_CODE_CHECKSUM', 'The credit code fails its GB 32100 check character.', [
      { path: 'body.creditCode', message: 'The check character (position 18) does not match' },
    ]);
  }
  await checkPlacement(input);
  const now = nowIso();
  const enterprise: EnterpriseRecord = { id: newId(), ...input, version: 1, createdAt: now, updatedAt: now };
  const view = enterpriseView(enterprise);
  await insertEnterprise(enterprise, idempotency?.guard(view));
  return view;
};
