import { type FieldProblem, ValidationFailed } from '../../domain/errors';
import { type ApiMiddleware, stateOf } from '../api-event';
import { parseWith } from '../validation';

/** Validates path, query and body against the route's schemas; all problems are reported at once. */
export const validate = (): ApiMiddleware => ({
  before: (request) => {
    const state = stateOf(request.event);
    const spec = state.route?.spec;
    if (!spec) return;
    const errors: FieldProblem[] = [];
    const check = (schema: typeof spec.body, value: unknown, location: string) => {
      if (!schema) return undefined;
      const result = parseWith(schema, value, location);
      if (result.success) return result.data;
      errors.push(...result.errors);
      return undefined;
    };
    state.params = check(spec.params, request.event.pathParameters ?? {}, 'params');
    state.query = check(spec.query, request.event.queryStringParameters ?? {}, 'query');
    state.body = check(spec.body, state.rawBody, 'body');
    if (errors.length > 0) throw new ValidationFailed(errors);
  },
});
