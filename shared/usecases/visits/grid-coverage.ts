import { programDateOf } from '../../domain/calendar/program-date';
import { NotFound } from '../../domain/errors';
import { type GridCoverage, gridCoverage } from '../../domain/visits/coverage';
import { findGrid, readGridEnterpriseCount } from '../../repositories/grids';
import { readVisitedEnterpriseCount } from '../../repositories/visits';

/**
 * A grid's visit coverage in a year (this program year unless given): three item reads, however many
 * enterprises or visits the grid has — the enterprise count is kept by enterprise creation and moves,
 * the visited count by each enterprise's first visit of the year in the grid.
 */
export const readGridCoverage = async (gridId: string, year?: number): Promise<GridCoverage> => {
  const inYear = year ?? Number(programDateOf(new Date()).slice(0, 4));
  const [grid, enterprises, visitedEnterprises] = await Promise.all([
    findGrid(gridId),
    readGridEnterpriseCount(gridId),
    readVisitedEnterpriseCount(gridId, inYear),
  ]);
  if (!grid) throw new NotFound('The grid');
  return gridCoverage(gridId, inYear, { enterprises, visitedEnterprises });
};
