import { randomUUID } from 'node:crypto';
import type { RouteSpec } from '../../../shared/http/contract';
import type { Tenant } from './world';

/** An id of the right shape that names nothing: "does not exist", to compare "not yours" with. */
export const MISSING_ID = '01ZZZZZZZZZZZZZZZZZZZZZZZZ';

/** The year every `{year}` names; the world files its annual reports for it. */
export const FIXED_YEAR = '2026';

/** Path parameters that are not records of a tenant. */
const FIXED_PARAMS: Record<string, string> = {
  quarter: '2026Q1',
  year: FIXED_YEAR,
  version: '1',
  job: 'daily-sweep',
  // A category code of the right shape (MISSING_ID is upper-case, which a code never is).
  code: 'hostile',
};

/** The tenant record a path parameter names; other records (experts, cases…) are unscoped or missing. */
const tenantParam = (tenant: Tenant, name: string): string | undefined =>
  ({
    enterpriseId: tenant.enterpriseId,
    issueId: tenant.issueId,
    residencyId: tenant.residencyId,
    placementId: tenant.placementId,
    visitId: tenant.visitId,
    gridId: tenant.gridId,
    cadreId: tenant.residentCadreId,
    unitId: tenant.departmentId,
    agencyCaseId: tenant.agencyCaseId,
    stepId: tenant.agencyStepId,
  })[name];

/** The route's path with its parameters filled from `tenant`, or MISSING_ID where it has no such record. */
export const pathFor = (route: Pick<RouteSpec, 'path'>, tenant?: Tenant, missing: readonly string[] = []) =>
  route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (missing.includes(name)) return MISSING_ID;
    return FIXED_PARAMS[name] ?? (tenant && tenantParam(tenant, name)) ?? MISSING_ID;
  });

/** The headers a route requires, so that a request reaches what is being tested. */
export const requiredHeaders = (route: RouteSpec): Record<string, string> => ({
  ...(route.idempotency ? { 'Idempotency-Key': `hostile-${randomUUID()}` } : {}),
  ...(route.ifMatch ? { 'If-Match': '"1"' } : {}),
});

/**
 * A valid body for the routes that act on a tenant's record, so that "not yours" is decided by scope,
 * not refused by validation first.
 */
export const SCOPED_WRITE_BODIES: Record<string, unknown> = {
  'POST /issues/{issueId}/resolve-on-spot': { resolution: '现场协调解决' },
  'POST /issues/{issueId}/escalate': {},
  'POST /issues/{issueId}/progress': { note: '已约谈企业' },
  'POST /issues/{issueId}/return': { reasonCode: 'not_our_remit', note: '不属本单位职责' },
  'POST /issues/{issueId}/request-consultation': { note: '涉及多个部门' },
  'POST /issues/{issueId}/extension': { workingDays: 2, reason: '需要现场勘查' },
  'POST /issues/{issueId}/extension/approve': undefined,
  'POST /issues/{issueId}/resolution': { resolution: '已协调用地指标' },
  'POST /issues/{issueId}/feedback': { verdict: 'satisfied' },
  'POST /residencies/{residencyId}/services': {
    type: 'energy_saving',
    date: '2026-03-02',
    description: '节能诊断',
  },
  'POST /residencies/{residencyId}/evaluations': { fitScore: 5, serviceScore: 4 },
  'PATCH /placements/{placementId}': { learned: '学习了项目审批流程' },
  'PATCH /agency-cases/{agencyCaseId}/steps/{stepId}': { status: 'in_progress' },
};
