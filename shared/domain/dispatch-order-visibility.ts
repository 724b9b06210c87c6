import type { Role } from './roles';
import { type Viewer, viewerHasRole } from './viewer';

/** Roles that run or chair the consultation, so read every dispatch order whole. */
const SEE_ALL: readonly Role[] = ['leader', 'operator', 'admin'];

interface OrderLine {
  leadUnitId: string;
  coUnitIds: readonly string[];
}

/**
 * The lines of a dispatch order a viewer may read: all of them for leaders and the service centre; for
 * a department, the lines naming its unit as lead or co-unit (the other units' issues are not its
 * business). Undefined when the viewer may not see the order at all (none of its lines name the unit).
 */
export const visibleOrderLines = <L extends OrderLine>(
  viewer: Viewer,
  lines: readonly L[],
): L[] | undefined => {
  if (viewerHasRole(viewer, SEE_ALL)) return [...lines];
  const unitId = viewer.roles.includes('department') ? viewer.unitId : undefined;
  if (!unitId) return undefined;
  const own = lines.filter((line) => line.leadUnitId === unitId || line.coUnitIds.includes(unitId));
  return own.length > 0 ? own : undefined;
};

/** Whose orders a viewer's list draws from: all, or those naming its unit. */
export type DispatchOrderListScope = { kind: 'all' } | { kind: 'unit'; unitId: string } | { kind: 'none' };

export const dispatchOrderListScope = (viewer: Viewer): DispatchOrderListScope => {
  if (viewerHasRole(viewer, SEE_ALL)) return { kind: 'all' };
  if (viewer.roles.includes('department') && viewer.unitId) return { kind: 'unit', unitId: viewer.unitId };
  return { kind: 'none' };
};
