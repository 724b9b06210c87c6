import { tableNames } from '../config';
import type { CreationGuard } from '../db/creation-guard';
import { agencyCaseKeys, indexKeysOf } from '../db/keys';
import { type Page, queryAll, queryPage } from '../db/queries';
import { createRecords, getRecord, updateVersioned } from '../db/records';
import { Conflict } from '../domain/errors';
import { newId } from '../domain/ids';
import type { AgencyCaseRecord, AgencyLedgerEntryRecord, AgencyStepRecord } from './records/agency-cases';

/**
 * Agency cases (全程代办). Access patterns: a case with its steps and ledger by key query of its
 * partition; all cases (GSI1), an enterprise's (GSI2) and an agent cadre's (GSI3) in opening order;
 * the steps a unit owns (GSI1 of the step) by due date.
 */
const stepItem = (step: AgencyStepRecord) => ({
  ...agencyCaseKeys.step(step.caseId, step.place),
  ...indexKeysOf(step.id, [agencyCaseKeys.stepsOwnedBy(step.ownerUnitId, `${step.dueDate}#${step.id}`)]),
  entity: 'agencyStep',
  ...step,
});

const ledgerItem = (caseId: string, entry: AgencyLedgerEntryRecord) => ({
  ...agencyCaseKeys.ledgerEntry(caseId, newId()),
  entity: 'agencyLedgerEntry',
  ...entry,
});

const taken = (what: string) => () => new Conflict('CONFLICT', `${what} already exists.`);

/** The case, its steps and its first ledger entry: one transaction. */
export const insertAgencyCase = (
  agencyCase: AgencyCaseRecord,
  steps: readonly AgencyStepRecord[],
  opened: AgencyLedgerEntryRecord,
  guard?: CreationGuard,
) =>
  createRecords(
    [
      {
        item: {
          ...agencyCaseKeys.item(agencyCase.id),
          ...indexKeysOf(agencyCase.id, [
            agencyCaseKeys.all(),
            agencyCaseKeys.byEnterprise(agencyCase.enterpriseId),
            agencyCaseKeys.byAgent(agencyCase.agentCadreId),
          ]),
          entity: 'agencyCase',
          ...agencyCase,
        },
        onTaken: taken(`Agency case ${agencyCase.id}`),
      },
      ...steps.map((step) => ({ item: stepItem(step), onTaken: taken(`Step ${step.place}`) })),
      { item: ledgerItem(agencyCase.id, opened), onTaken: taken('The ledger entry') },
    ],
    guard,
  );

export const findAgencyCase = (caseId: string) => getRecord<AgencyCaseRecord>(agencyCaseKeys.item(caseId));

/** A case's steps in their order (a case has at most twenty). */
export const allAgencySteps = (caseId: string): Promise<AgencyStepRecord[]> =>
  queryAll<AgencyStepRecord>({ ...agencyCaseKeys.stepsOf(caseId), consistent: true });

export const listAgencyCases = (
  filter: { enterpriseId?: string; agentCadreId?: string },
  page: { limit: number; cursor?: string },
): Promise<Page<AgencyCaseRecord>> =>
  queryPage<AgencyCaseRecord>({
    ...(filter.agentCadreId
      ? agencyCaseKeys.byAgent(filter.agentCadreId)
      : filter.enterpriseId
        ? agencyCaseKeys.byEnterprise(filter.enterpriseId)
        : agencyCaseKeys.all()),
    // Both named: the agent's list, narrowed to the enterprise.
    ...(filter.agentCadreId && filter.enterpriseId
      ? {
          filter: {
            expression: '#enterprise = :enterprise',
            names: { '#enterprise': 'enterpriseId' },
            values: { ':enterprise': filter.enterpriseId },
          },
        }
      : {}),
    ...page,
  });

export const listStepsOwnedBy = (
  unitId: string,
  page: { limit: number; cursor?: string },
): Promise<Page<AgencyStepRecord>> =>
  queryPage<AgencyStepRecord>({ ...agencyCaseKeys.stepsOwnedBy(unitId), ...page });

/**
 * A step's change at `expectedVersion` and its ledger entry, in one transaction; a step that becomes
 * done also counts on its case (`stepsDone`, a counter: steps of one case move without contending).
 */
export const saveAgencyStep = (
  step: AgencyStepRecord,
  changes: Partial<AgencyStepRecord>,
  expectedVersion: number,
  entry: AgencyLedgerEntryRecord,
) =>
  updateVersioned<AgencyStepRecord>(
    agencyCaseKeys.step(step.caseId, step.place),
    expectedVersion,
    changes,
    'The step',
    [
      {
        Put: {
          TableName: tableNames.program,
          Item: ledgerItem(step.caseId, entry),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      ...(changes.status === 'done'
        ? [
            {
              Update: {
                TableName: tableNames.program,
                Key: agencyCaseKeys.item(step.caseId),
                UpdateExpression: 'ADD stepsDone :one',
                ConditionExpression: 'attribute_exists(pk)',
                ExpressionAttributeValues: { ':one': 1 },
              },
            },
          ]
        : []),
    ],
  );

export const readAgencyLedger = (caseId: string): Promise<AgencyLedgerEntryRecord[]> =>
  queryAll<AgencyLedgerEntryRecord>(agencyCaseKeys.ledgerOf(caseId));
