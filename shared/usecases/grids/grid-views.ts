import type { Grid, Team } from '../../contract/grids';
import type { GridRecord, TeamRecord } from '../../repositories/records/grids';
import { allFieldsShown } from '../record-view';

export const gridView = allFieldsShown<GridRecord, Grid>();
export const teamView = allFieldsShown<TeamRecord, Team>();
