import type { Cadre } from '../../../../shared/contract/cadres';
import type { Enterprise } from '../../../../shared/contract/enterprises';
import type { Grid } from '../../../../shared/contract/grids';
import type { Unit } from '../../../../shared/contract/units';
import { cadreKeys, enterpriseKeys, gridKeys, unitKeys } from '../../../../shared/db/keys';
import type { StoredItem } from '../../../support/dynamo-mock';

const meta = (id: string) => ({
  id,
  version: 1,
  createdAt: '2026-01-05T08:00:00.000Z',
  updatedAt: '2026-01-05T08:00:00.000Z',
});

/** Master-data records as stored: two towns with a grid each, a department, a cadre, an enterprise. */
export const town: Unit = { ...meta('TOWN1'), code: 'XC', name: '许村镇', kind: 'town' };
export const otherTown: Unit = { ...meta('TOWN2'), code: 'MQ', name: '马桥街道', kind: 'town' };
export const department: Unit = {
  ...meta('DEPT1'),
  code: 'JX',
  name: '经信局',
  kind: 'department',
  category: 'class1',
};
export const grid: Grid = { ...meta('GRID1'), code: 'XC-01', name: '许村一网格', townUnitId: town.id };
export const otherGrid: Grid = {
  ...meta('GRID2'),
  code: 'MQ-01',
  name: '马桥一网格',
  townUnitId: otherTown.id,
};
export const cadre: Cadre = {
  ...meta('CADRE1'),
  name: '张伟',
  unitId: department.id,
  inPool: true,
  experience: [{ field: 'warp_knitting', kind: 'worked', years: 6 }],
  serviceSkills: ['project_application'],
};
export const enterprise: Enterprise = {
  ...meta('ENT1'),
  creditCode: '91350100M000100Y43',
  name: '海宁经编示范有限公司',
  industry: 'warp_knitting',
  townUnitId: town.id,
  gridId: grid.id,
  aboveScale: true,
  tags: [],
};

export const stored: StoredItem[] = [
  { ...unitKeys.item(town.id), ...town },
  { ...unitKeys.item(otherTown.id), ...otherTown },
  { ...unitKeys.item(department.id), ...department },
  { ...gridKeys.item(grid.id), ...grid },
  { ...gridKeys.item(otherGrid.id), ...otherGrid },
  { ...cadreKeys.item(cadre.id), ...cadre },
  { ...enterpriseKeys.item(enterprise.id), ...enterprise },
];
