import type { IndexPartition, ItemKey, KeyRange } from './attributes';

/** Grids and their teams (in the grid's partition, so a grid's teams are one key query). GSI1 all grids, GSI2 grids of a town. */
export const gridKeys = {
  item: (id: string): ItemKey => ({ pk: `GRID#${id}`, sk: 'GRID' }),
  code: (code: string): ItemKey => ({ pk: `UNIQUE#GRID_CODE#${code}`, sk: 'UNIQUE' }),
  team: (gridId: string, teamId: string): ItemKey => ({ pk: `GRID#${gridId}`, sk: `TEAM#${teamId}` }),
  teamsOf: (gridId: string): KeyRange => ({ partition: `GRID#${gridId}`, sortPrefix: 'TEAM#' }),
  /** How many enterprises a grid holds now (kept by enterprise creation and moves). */
  enterpriseCount: (gridId: string): ItemKey => ({ pk: `GRID#${gridId}`, sk: 'ENTERPRISE_COUNT' }),
  all: (): IndexPartition => ({ index: 'GSI1', partition: 'GRID' }),
  byTown: (townUnitId: string): IndexPartition => ({ index: 'GSI2', partition: `GRID#TOWN#${townUnitId}` }),
};
