import * as z from 'zod/mini';
import { EVENT_DETAIL_SCHEMAS } from '../shared/contract/program-events';
import {
  ALL_DETAIL_TYPES,
  EVENT_SCHEMA_VERSION,
  EVENT_SOURCE,
} from '../shared/domain/notifications/catalogue';

/** Where the generated documents live, relative to the repository root. */
export const EVENT_SCHEMA_DIR = 'docs/events';

const jsonSchemaOf = (schema: z.core.$ZodType) => {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return rest;
};

const fileName = (detailType: string) => `${detailType}.v${EVENT_SCHEMA_VERSION}.json`;

/**
 * The versioned JSON schema of every event's detail, and an AsyncAPI 3.0 document of the program bus
 * that names them: path → content, as `npm run events:schemas` writes them and the test compares.
 */
export const eventSchemaDocuments = (): Map<string, string> => {
  const documents = new Map<string, string>();
  const asJson = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  for (const detailType of ALL_DETAIL_TYPES) {
    const { summary, schema } = EVENT_DETAIL_SCHEMAS[detailType];
    documents.set(
      `${EVENT_SCHEMA_DIR}/schemas/${fileName(detailType)}`,
      asJson({
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        $id: `schemas/${fileName(detailType)}`,
        title: `${detailType} detail, version ${EVENT_SCHEMA_VERSION}`,
        description: summary,
        ...jsonSchemaOf(schema),
      }),
    );
  }
  const messages = Object.fromEntries(
    ALL_DETAIL_TYPES.map((detailType) => [
      detailType,
      {
        name: detailType,
        summary: EVENT_DETAIL_SCHEMAS[detailType].summary,
        contentType: 'application/json',
        payload: {
          type: 'object',
          description: 'The event as EventBridge delivers it to a rule target',
          required: ['source', 'detail-type', 'time', 'detail'],
          properties: {
            source: { const: EVENT_SOURCE },
            'detail-type': { const: detailType },
            time: { type: 'string', format: 'date-time' },
            detail: { $ref: `./schemas/${fileName(detailType)}` },
          },
        },
      },
    ]),
  );
  documents.set(
    `${EVENT_SCHEMA_DIR}/asyncapi.json`,
    asJson({
      asyncapi: '3.0.0',
      info: {
        title: '亲清互挂 program events',
        version: `${EVENT_SCHEMA_VERSION}.0.0`,
        description:
          'Facts of the program published on its EventBridge bus from the tables’ streams (docs/notifications.md). `detail.id` is stable across re-deliveries; details carry ids and codes, no free text and no person.',
      },
      channels: {
        programEvents: {
          address: '<stack>-program-events',
          description: `The program's EventBridge bus; every event has source ${EVENT_SOURCE}.`,
          messages: Object.fromEntries(
            ALL_DETAIL_TYPES.map((detailType) => [
              detailType,
              { $ref: `#/components/messages/${detailType}` },
            ]),
          ),
        },
      },
      operations: {
        receiveProgramEvents: {
          action: 'receive',
          channel: { $ref: '#/channels/programEvents' },
          messages: ALL_DETAIL_TYPES.map((detailType) => ({
            $ref: `#/channels/programEvents/messages/${detailType}`,
          })),
        },
      },
      components: { messages },
    }),
  );
  return documents;
};
