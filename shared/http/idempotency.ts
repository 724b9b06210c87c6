import { createHash } from 'node:crypto';
import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import type { Context } from 'aws-lambda';
import { tableNames } from '../config';
import { dynamoClient } from '../db/client';
import { canonicalJson } from '../domain/canonical-json';
import type { IdempotencyToken, Reply } from './contract';

const ONE_DAY_SECONDS = 24 * 60 * 60;

const config = new IdempotencyConfig({
  eventKeyJmesPath: 'scopedKey',
  payloadValidationJmesPath: 'requestHash',
  expiresAfterSeconds: ONE_DAY_SECONDS,
  throwOnNoIdempotencyKey: true,
});

let persistenceStore: DynamoDBPersistenceLayer | undefined;
const store = () => {
  persistenceStore ??= new DynamoDBPersistenceLayer({
    tableName: tableNames.idempotency,
    awsSdkV3Client: dynamoClient,
  });
  return persistenceStore;
};

/** The key is scoped to caller and route, so two callers' keys never collide. */
export const idempotencyToken = (
  caller: string,
  routeKey: string,
  key: string,
  request: { params: unknown; body: unknown },
): IdempotencyToken => ({
  scopedKey: `${caller}|${routeKey}|${key}`,
  requestHash: createHash('sha256').update(canonicalJson(request)).digest('base64url'),
});

type Run = () => Promise<Reply>;
let idempotentRun: ((token: IdempotencyToken, run: Run) => Promise<Reply>) | undefined;

/**
 * Powertools idempotency: the first request runs and its reply is stored; a repeat with the same key
 * and body replays it, a concurrent repeat gets IdempotencyAlreadyInProgressError (409), a different
 * body IdempotencyValidationError (422).
 */
export const runIdempotently = (token: IdempotencyToken, run: Run, context: Context): Promise<Reply> => {
  config.registerLambdaContext(context);
  idempotentRun ??= makeIdempotent(async (_token: IdempotencyToken, next: Run) => next(), {
    persistenceStore: store(),
    config,
  });
  return idempotentRun(token, run);
};
