import { type FieldProblem, InputRejected } from '../domain/errors';

/** One field of a request that names another record, and whether that record was found. */
export interface Reference {
  path: string;
  found: boolean;
  message: string;
}

/** Reports every reference that points nowhere at once, as 400 UNKNOWN_REFERENCE. */
export const assertReferencesFound = (references: readonly Reference[]): void => {
  const errors: FieldProblem[] = references
    .filter((reference) => !reference.found)
    .map(({ path, message }) => ({ path, message }));
  if (errors.length > 0) {
    throw new InputRejected('UNKNOWN_REFERENCE', 'The request names records that do not exist.', errors);
  }
};
