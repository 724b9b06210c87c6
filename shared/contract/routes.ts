import type { RouteSpec } from '../http/contract';
import { assessmentRoutes } from './assessments';
import { attachmentRoutes } from './attachments';
import { cadreRoutes } from './cadres';
import { calendarRoutes } from './calendar';
import { consultationRoutes } from './consultations';
import { enterpriseRoutes } from './enterprises';
import { gridRoutes } from './grids';
import { inspectionRoutes } from './inspections';
import { issueRoutes } from './issues';
import { jobRoutes } from './jobs';
import { metaRoutes } from './meta';
import { notificationRoutes } from './notifications';
import { placementRoutes } from './placements';
import { registryRoutes } from './registries';
import { ledgerRoutes, reportRoutes } from './reports';
import { residencyRoutes } from './residencies';
import { scoringRoutes } from './scoring';
import { unitRoutes } from './units';
import { visitRoutes } from './visits';

/**
 * The route table: every API route, once. CDK creates a route and a function per area from it, the
 * pipeline enforces it, and GET /openapi.json is generated from it.
 */
export const apiRoutes: readonly RouteSpec[] = [
  ...Object.values(metaRoutes),
  ...Object.values(unitRoutes),
  ...Object.values(gridRoutes),
  ...Object.values(enterpriseRoutes),
  ...Object.values(cadreRoutes),
  ...Object.values(issueRoutes),
  ...Object.values(consultationRoutes),
  ...Object.values(calendarRoutes),
  ...Object.values(jobRoutes),
  ...Object.values(registryRoutes),
  ...Object.values(visitRoutes),
  ...Object.values(reportRoutes),
  ...Object.values(ledgerRoutes),
  ...Object.values(residencyRoutes),
  ...Object.values(placementRoutes),
  ...Object.values(scoringRoutes),
  ...Object.values(inspectionRoutes),
  ...Object.values(assessmentRoutes),
  ...Object.values(notificationRoutes),
  ...Object.values(attachmentRoutes),
];

export const apiAreas = (): string[] => [...new Set(apiRoutes.map((route) => route.area))];
