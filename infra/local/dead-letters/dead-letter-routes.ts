import type { DynamoDBBatchResponse } from 'aws-lambda';
import { NotFound } from '../../../shared/domain/errors';
import { jsonResponse } from '../http/json-response';
import type { LocalModuleContext, LocalRoute } from '../local-module';
import type { DeadLetter, DeadLetters } from './dead-letters';

/** A stream function that reports a batch item as failed has not taken the record. */
const reportedFailure = (outcome: unknown): string | undefined =>
  ((outcome as DynamoDBBatchResponse | undefined)?.batchItemFailures?.length ?? 0) > 0
    ? 'the function reported the record as failed'
    : undefined;

const summary = ({ event: _event, ...letter }: DeadLetter) => letter;

/**
 * The local dead-letter queue: `GET /_local/dead-letters` lists what was given up on (oldest first),
 * `GET /_local/dead-letters/{id}` shows one with its event, `POST /_local/dead-letters/{id}/redrive`
 * invokes its function with the same event again (the letter goes when that succeeds and stays, with
 * the new error, when it does not), `DELETE /_local/dead-letters/{id}` discards it.
 */
export const deadLetterRoutes = (
  deadLetters: DeadLetters,
  invoke: LocalModuleContext['invoke'],
): LocalRoute[] => {
  const letterOf = async (id: string) => {
    const letter = await deadLetters.get(id);
    if (!letter) throw new NotFound(`Dead letter ${id}`);
    return letter;
  };
  return [
    {
      method: 'GET',
      path: '/_local/dead-letters',
      handle: async () => jsonResponse({ items: (await deadLetters.list()).map(summary) }),
    },
    {
      method: 'GET',
      path: '/_local/dead-letters/{id}',
      handle: async (_request, { id = '' }) => jsonResponse(await letterOf(id)),
    },
    {
      method: 'POST',
      path: '/_local/dead-letters/{id}/redrive',
      handle: async (_request, { id = '' }) => {
        const letter = await letterOf(id);
        let error: string | undefined;
        try {
          error = reportedFailure(await invoke(letter.functionLogicalId, letter.event));
        } catch (thrown) {
          error = `${(thrown as Error).name}: ${(thrown as Error).message}`;
        }
        if (error === undefined) {
          await deadLetters.remove(id);
          return jsonResponse({ id, redriven: true });
        }
        const kept = { ...letter, error, attempts: letter.attempts + 1 };
        await deadLetters.update(kept);
        return jsonResponse({ id, redriven: false, error, attempts: kept.attempts }, 502);
      },
    },
    {
      method: 'DELETE',
      path: '/_local/dead-letters/{id}',
      handle: async (_request, { id = '' }) => {
        await letterOf(id);
        await deadLetters.remove(id);
        return { statusCode: 204 };
      },
    },
  ];
};
