import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import type { FieldProblem } from '../domain/errors';
import type { Schema } from './contract';

// Only the English messages: importing every locale would triple the bundle.
z.config(en());

type ParseResult = { success: true; data: unknown } | { success: false; errors: FieldProblem[] };

const joinPath = (location: string, path: readonly PropertyKey[]) =>
  [location, ...path.map(String)].join('.');

/** Parses with zod; unknown keys become one error per key so a client sees exactly what to remove. */
export const parseWith = (schema: Schema, value: unknown, location: string): ParseResult => {
  const result = z.safeParse(schema, value);
  if (result.success) return { success: true, data: result.data };
  const errors = result.error.issues.flatMap((issue): FieldProblem[] =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({
          path: joinPath(location, [...issue.path, key]),
          message: 'Unknown field',
        }))
      : [{ path: joinPath(location, issue.path), message: issue.message }],
  );
  return { success: false, errors };
};
