import { type FieldProblem, InputRejected } from '../domain/errors';

/**
 * How deep a request body may nest. The deepest schema (a visit's issues' fields) is four levels; a
 * questionnaire answer may add a few. Recursive code below the edge (canonical JSON for the
 * idempotency hash, zod, the SDK's marshalling) must never meet a body deep enough to exhaust the stack.
 */
export const MAX_BODY_DEPTH = 32;

/**
 * A key that JavaScript objects treat as their prototype: a record schema (`z.record`) would drop it
 * silently, so it is named back to the client as an unknown field like any other.
 */
const PROTOTYPE_KEY = '__proto__';

/**
 * Walks a parsed JSON body without recursion: refuses nesting deeper than MAX_BODY_DEPTH and returns
 * the paths of any prototype keys.
 */
export const checkJsonShape = (body: unknown): FieldProblem[] => {
  const problems: FieldProblem[] = [];
  const pending: { value: unknown; path: string; depth: number }[] = [
    { value: body, path: 'body', depth: 0 },
  ];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { value, path, depth } = next;
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_BODY_DEPTH) {
      throw new InputRejected('BODY_TOO_DEEP', `The body nests deeper than ${MAX_BODY_DEPTH} levels.`);
    }
    for (const [key, child] of Object.entries(value)) {
      if (key === PROTOTYPE_KEY) problems.push({ path: `${path}.${key}`, message: 'Unknown field' });
      pending.push({ value: child, path: `${path}.${key}`, depth: depth + 1 });
    }
  }
  return problems;
};
