import type { CreateGridBody, Grid } from '../../contract/grids';
import type { IdempotencyToken } from '../../db/creation-guard';
import { newId, nowIso } from '../../domain/ids';
import { insertGrid } from '../../repositories/grids';
import type { GridRecord } from '../../repositories/records/grids';
import { findUnit } from '../../repositories/units';
import { assertReferencesFound } from '../references';
import { gridView } from './grid-views';

/** Draws a grid in a town: the town must be a unit of kind town, and the grid code unique. */
export const createGrid = async (input: CreateGridBody, idempotency?: IdempotencyToken): Promise<Grid> => {
  const town = await findUnit(input.townUnitId);
  assertReferencesFound([
    { path: 'body.townUnitId', found: town?.kind === 'town', message: 'No town with this id' },
  ]);
  const now = nowIso();
  const grid: GridRecord = { id: newId(), ...input, version: 1, createdAt: now, updatedAt: now };
  const view = gridView(grid);
  await insertGrid(grid, idempotency?.guard(view));
  return view;
};
