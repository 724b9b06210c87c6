/** A grid's visit coverage in a year (网格走访覆盖率). */
export interface GridCoverage {
  gridId: string;
  year: number;
  enterprises: number;
  visitedEnterprises: number;
  rate: number;
}

/**
 * Enterprises visited in the year over enterprises in the grid now, to four decimals; 0 for an empty
 * grid. Never above 1: an enterprise visited and then moved to another grid stays counted as visited
 * where the visit was made, while the grid's enterprise count follows the move.
 */
export const coverageRate = (visitedEnterprises: number, enterprises: number): number => {
  if (enterprises <= 0) return 0;
  return Math.round(Math.min(1, Math.max(0, visitedEnterprises) / enterprises) * 10_000) / 10_000;
};

export const gridCoverage = (
  gridId: string,
  year: number,
  counts: { enterprises: number; visitedEnterprises: number },
): GridCoverage => ({
  gridId,
  year,
  enterprises: Math.max(0, counts.enterprises),
  visitedEnterprises: Math.max(0, counts.visitedEnterprises),
  rate: coverageRate(counts.visitedEnterprises, counts.enterprises),
});
