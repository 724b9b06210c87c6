import type { CategoryBody } from '../../contract/categories';
import { ValidationFailed } from '../../domain/errors';
import { nowIso } from '../../domain/ids';
import { defaultUnitProblems } from '../../domain/issues/categories';
import type { Caller } from '../../domain/viewer';
import { findCategory, saveCategory } from '../../repositories/categories';
import type { CategoryRecord } from '../../repositories/records/categories';
import { findUnit } from '../../repositories/units';
import { assertReferencesFound } from '../references';
import type { Saved } from '../saved';

/**
 * Creates a category of the taxonomy (no expected version) or changes one (the version read), never
 * silently over another operator's change. Its default unit must exist (400 UNKNOWN_REFERENCE) and be
 * a department (400 VALIDATION_FAILED). Issues already raised keep their category code; the new
 * default unit is suggested from now on.
 */
export const putCategory = async (
  caller: Caller,
  code: string,
  input: CategoryBody,
  expectedVersion: number | undefined,
): Promise<Saved<CategoryRecord>> => {
  const unit = await findUnit(input.defaultUnitId);
  assertReferencesFound([
    { path: 'body.defaultUnitId', found: unit !== undefined, message: 'No unit with this id' },
  ]);
  const problems = defaultUnitProblems(unit);
  if (problems.length > 0) throw new ValidationFailed(problems);
  const now = nowIso();
  const previous = expectedVersion === undefined ? undefined : await findCategory(code);
  const record = await saveCategory(
    {
      code,
      name: input.name,
      defaultUnitId: input.defaultUnitId,
      updatedBy: caller.sub,
      version: (expectedVersion ?? 0) + 1,
      createdAt: previous?.createdAt ?? now,
      updatedAt: now,
    },
    expectedVersion,
  );
  return { record, created: expectedVersion === undefined };
};
