import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryDeadLetters } from '../../../infra/local/dead-letters/dead-letters';
import { eventRecorder, listenEventBusEndpoint } from '../../../infra/local/events/event-bus-endpoint';
import { eventsModule } from '../../../infra/local/events/events-module';

const recorder = eventRecorder();
let endpoint: Awaited<ReturnType<typeof listenEventBusEndpoint>>;

beforeAll(async () => {
  endpoint = await listenEventBusEndpoint(recorder);
});
afterAll(() => endpoint.close());

describe('the local EventBridge endpoint', () => {
  it('records what the real SDK client puts, answering event ids and failures as EventBridge does', async () => {
    // Prepare
    const client = new EventBridgeClient({
      endpoint: endpoint.url,
      region: 'cn-north-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });

    // Act
    const reply = await client.send(
      new PutEventsCommand({
        Entries: [
          {
            EventBusName: 'bus',
            Source: 'qinqing.program',
            DetailType: 'WeeklyInspectionReported',
            Detail: JSON.stringify({ id: 'weekly-inspection/2026-W48/U1' }),
            Time: new Date('2026-11-23T00:00:00+08:00'),
          },
          { EventBusName: 'bus', Source: 'qinqing.program', DetailType: 'Broken' },
        ],
      }),
    );

    // Assess
    expect(reply.FailedEntryCount).toBe(1);
    expect(reply.Entries?.[0]?.EventId).toEqual(expect.any(String));
    expect(reply.Entries?.[1]?.ErrorCode).toBe('InvalidArgument');
    expect(recorder.events()).toEqual([
      {
        id: reply.Entries?.[0]?.EventId,
        eventBusName: 'bus',
        source: 'qinqing.program',
        detailType: 'WeeklyInspectionReported',
        time: '2026-11-22T16:00:00.000Z',
        detail: { id: 'weekly-inspection/2026-W48/U1' },
      },
    ]);
  });

  it('refuses operations it does not emulate', () => {
    expect(recorder.handle('AWSEvents.PutRule', '{}')).toMatchObject({
      status: 400,
      body: { __type: 'UnknownOperationException' },
    });
  });

  it('runs as a module: SDK endpoint variable, bus names for the template, GET /_local/events', async () => {
    const module = await eventsModule().start({
      stacks: [],
      region: 'cn-north-1',
      accountId: '000000000000',
      dataDir: '.',
      invoke: async () => undefined,
      deadLetters: memoryDeadLetters(),
    });
    try {
      expect(module.environment?.AWS_ENDPOINT_URL_EVENTBRIDGE).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const named = module.namers?.['AWS::Events::EventBus']?.(
        'Bus',
        { Type: 'AWS::Events::EventBus', Properties: { Name: 'program-events' } },
        { stackName: 'S', template: {} } as never,
      );
      expect(named).toEqual({
        ref: 'program-events',
        attributes: {
          Name: 'program-events',
          Arn: 'arn:aws-cn:events:cn-north-1:000000000000:event-bus/program-events',
        },
      });
      const route = module.routes?.find((candidate) => candidate.path === '/_local/events');
      const listed = await route?.handle({ url: '/_local/events?detailType=X' } as never, {});
      expect(JSON.parse(String(listed?.body))).toEqual({ events: [] });
    } finally {
      await module.stop();
    }
  });
});
