import type { RouteSpec } from '../http/contract';
import { agencyCaseRoutes } from './agency-cases';
import { appraisalRoutes } from './appraisals';
import { assessmentRoutes } from './assessments';
import { attachmentRoutes } from './attachments';
import { batchRoutes } from './batches';
import { cadrePoolRoutes } from './cadre-pool';
import { cadreRoutes } from './cadres';
import { calendarRoutes } from './calendar';
import { caseRoutes } from './case-handling';
import { categoryRoutes } from './categories';
import { consultationReadRoutes, dispatchOrderPdfRoutes } from './consultation-reads';
import { consultationRoutes } from './consultations';
import { enterpriseRoutes } from './enterprises';
import { gridStaffingRoutes } from './grid-staffing';
import { gridRoutes } from './grids';
import { inspectionRoutes } from './inspections';
import { issueReadRoutes } from './issue-reads';
import { issueRoutes } from './issues';
import { issueRepairRoutes, jobRoutes } from './jobs';
import { keyEnterpriseRoutes } from './key-enterprises';
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
  ...Object.values(categoryRoutes),
  ...Object.values(gridRoutes),
  ...Object.values(enterpriseRoutes),
  ...Object.values(keyEnterpriseRoutes),
  ...Object.values(agencyCaseRoutes),
  ...Object.values(cadreRoutes),
  ...Object.values(issueRoutes),
  ...Object.values(issueReadRoutes),
  ...Object.values(caseRoutes),
  ...Object.values(issueRepairRoutes),
  ...Object.values(consultationRoutes),
  ...Object.values(consultationReadRoutes),
  ...Object.values(dispatchOrderPdfRoutes),
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
  ...Object.values(appraisalRoutes),
  ...Object.values(gridStaffingRoutes),
  ...Object.values(batchRoutes),
  ...Object.values(cadrePoolRoutes),
  ...Object.values(notificationRoutes),
  ...Object.values(attachmentRoutes),
];

export const apiAreas = (): string[] => [...new Set(apiRoutes.map((route) => route.area))];
