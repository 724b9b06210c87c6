import type * as z from 'zod/mini';
import { InputRejected, ValidationFailed } from '../../../shared/domain/errors';
import { parseWith } from '../../../shared/http/validation';
import type { IncomingRequest } from './incoming-request';

/** The JSON body of a `/_local` request, checked by `schema` (an empty body is `{}`). */
export const parseJsonBody = <S extends z.ZodMiniType>(request: IncomingRequest, schema: S): z.output<S> => {
  let body: unknown;
  try {
    body = JSON.parse(request.body.toString('utf8') || '{}');
  } catch {
    throw new InputRejected('MALFORMED_JSON', 'The body is not valid JSON.');
  }
  const parsed = parseWith(schema, body, 'body');
  if (!parsed.success) throw new ValidationFailed(parsed.errors);
  return parsed.data as z.output<S>;
};
