import { Forbidden } from '../domain/errors';
import { isRole, type Role } from '../domain/roles';
import { type Caller, viewerHasRole } from '../domain/viewer';
import { type ClaimsMapping, claimsMappingFromEnvironment } from './claims-mapping';
import { unauthorized } from './errors';

/**
 * Who is calling, taken only from verified JWT claims: the domain's Caller (and so a Viewer), which
 * handlers pass to use cases as it is.
 */
export type Principal = Caller;

type Claims = Record<string, string | number | boolean | string[] | undefined>;

/**
 * API Gateway's JWT authorizer flattens array claims into a string such as "[operator admin]";
 * a directly verified token keeps them as an array. Accept both.
 */
const groupsOf = (value: Claims[string]): string[] => {
  if (Array.isArray(value)) return value;
  if (typeof value !== 'string') return [];
  return value
    .replace(/^\[|\]$/g, '')
    .split(/[\s,]+/)
    .filter(Boolean);
};

const optionalClaim = (claims: Claims, name: string): string | undefined => {
  const value = claims[name];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
};

/** Read once at cold start: the claim names this deployment's issuer uses (CLAIM_* variables). */
const CLAIMS = claimsMappingFromEnvironment(process.env);

export const principalFromClaims = (
  claims: Claims | undefined,
  mapping: ClaimsMapping = CLAIMS,
): Principal => {
  const sub = claims ? optionalClaim(claims, 'sub') : undefined;
  if (!claims || !sub) throw unauthorized();
  const roles = groupsOf(claims[mapping.role]).filter(isRole);
  if (roles.length === 0) throw new Forbidden('The token carries no program role.');
  return {
    sub,
    roles,
    enterpriseId: optionalClaim(claims, mapping.enterpriseId),
    unitId: optionalClaim(claims, mapping.unitId),
    cadreId: optionalClaim(claims, mapping.cadreId),
  };
};

export const requireRole = (principal: Principal, roles: readonly Role[]): void => {
  if (!viewerHasRole(principal, roles)) throw new Forbidden();
};
