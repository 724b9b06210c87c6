import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { publishIssueEvents } from '../../functions/events/publish-issue-events/handler';
import { LOCAL_ACCOUNT_ID, localRegion } from '../../infra/local/local-environment';
import { startLocalStreams } from '../../infra/local/streams/streams-module';
import type { ProgramEvent } from '../../shared/events/event-bus';
import { act, createEnterprise, raiseIssue } from './issue-fixtures';
import { operator } from './master-data-fixtures';

const PUBLISHER = 'ProgramEventsPublishIssueEventsFunction';

// The ledger table's stream read from DynamoDB Local by the local poller, as under `npm start`, into
// the real publisher; only EventBridge is a recorder. Other mappings' functions are not run here.
const published: ProgramEvent[] = [];
const lines: string[] = [];
let streams: Awaited<ReturnType<typeof startLocalStreams>>;

beforeAll(async () => {
  const endpoint = process.env.AWS_ENDPOINT_URL_DYNAMODB;
  if (!endpoint) throw new Error('integration-env.ts sets AWS_ENDPOINT_URL_DYNAMODB');
  const publish = publishIssueEvents(async (events) => {
    published.push(...events);
    return [];
  });
  streams = await startLocalStreams({
    stacks: inject('localStacks'),
    region: localRegion(),
    accountId: LOCAL_ACCOUNT_ID,
    endpoint,
    intervalMs: 20,
    log: (line) => lines.push(line),
    invoke: async (functionLogicalId, event) =>
      functionLogicalId.startsWith(PUBLISHER)
        ? publish(event as Parameters<typeof publish>[0])
        : { batchItemFailures: [] },
  });
});

afterAll(() => streams.stop());

describe('the ledger stream in local mode', () => {
  it('publishes an escalation without a unit, whose ledger entry holds an empty map (data: {})', async () => {
    const { id } = await createEnterprise().then(({ id: enterpriseId }) => raiseIssue(enterpriseId));
    await act(id, 'escalate', operator, {});

    await expect
      .poll(
        () => published.map((event) => event.id).filter((eventId) => eventId.startsWith(`issue/${id}/`)),
        {
          timeout: 15_000,
        },
      )
      .toEqual([`issue/${id}/1/IssueRaised`, `issue/${id}/2/IssueEscalated`]);
    expect(lines.filter((line) => line.includes('failed'))).toEqual([]);
    expect(streams.statuses().find((status) => status.function.startsWith(PUBLISHER))?.deadLettered).toBe(0);
  });
});
