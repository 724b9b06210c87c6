/**
 * Which verified token claim carries what the program reads: the role(s) and the scope ids. The
 * defaults are the claims of the program's Cognito user pool (and of local tokens); another OpenID
 * Connect issuer (Keycloak, a Chinese IDaaS, the province's government single sign-on) names them
 * its own way. CDK writes the mapping into every API function's environment (`CLAIM_*`), local mode
 * gives its handlers the same variables from the synthesized template, and the local token issuer
 * signs with the same names.
 */
export interface ClaimsMapping {
  /** A claim holding one role or a list of roles (`[a b]` as API Gateway flattens arrays). */
  role: string;
  enterpriseId: string;
  unitId: string;
  cadreId: string;
}

export const DEFAULT_CLAIMS_MAPPING: ClaimsMapping = {
  role: 'cognito:groups',
  enterpriseId: 'custom:enterpriseId',
  unitId: 'custom:unitId',
  cadreId: 'custom:cadreId',
};

/** The environment variable that carries each mapping entry. */
export const CLAIM_VARIABLES: Record<keyof ClaimsMapping, string> = {
  role: 'CLAIM_ROLE',
  enterpriseId: 'CLAIM_ENTERPRISE_ID',
  unitId: 'CLAIM_UNIT_ID',
  cadreId: 'CLAIM_CADRE_ID',
};

// A JWT claim name as issuers write them (`roles`, `cognito:groups`, `https://example.cn/unit`).
const CLAIM_NAME = /^[A-Za-z0-9_:./-]{1,128}$/;

const checkedClaimName = (value: unknown, where: string): string => {
  if (typeof value !== 'string' || !CLAIM_NAME.test(value)) {
    throw new Error(
      `${where} must be a claim name (letters, digits, _ : . / -), got ${JSON.stringify(value)}`,
    );
  }
  return value;
};

/**
 * A mapping from a partial one (the `oidcClaims` context value, e.g. `{"role":"roles"}`): absent
 * entries keep the default, an unknown key or a malformed name throws naming it.
 */
export const claimsMapping = (partial: unknown = {}): ClaimsMapping => {
  const given = typeof partial === 'string' ? (JSON.parse(partial) as unknown) : partial;
  if (typeof given !== 'object' || given === null || Array.isArray(given)) {
    throw new Error(
      `The claims mapping must be an object such as {"role":"roles"}, got ${JSON.stringify(given)}`,
    );
  }
  const mapping = { ...DEFAULT_CLAIMS_MAPPING };
  for (const [key, value] of Object.entries(given)) {
    if (!(key in mapping)) {
      throw new Error(`Unknown claims mapping entry "${key}": use ${Object.keys(mapping).join(', ')}`);
    }
    mapping[key as keyof ClaimsMapping] = checkedClaimName(value, `Claims mapping entry "${key}"`);
  }
  return mapping;
};

/** The mapping as the environment variables the functions read. */
export const claimsMappingVariables = (mapping: ClaimsMapping): Record<string, string> =>
  Object.fromEntries(
    (Object.keys(CLAIM_VARIABLES) as (keyof ClaimsMapping)[]).map((key) => [
      CLAIM_VARIABLES[key],
      mapping[key],
    ]),
  );

/**
 * The mapping a function runs with, from its environment (absent variables keep the default). Not
 * re-validated: synth checked the names, and this runs in every API bundle.
 */
export const claimsMappingFromEnvironment = (env: NodeJS.ProcessEnv): ClaimsMapping => ({
  role: env.CLAIM_ROLE ?? DEFAULT_CLAIMS_MAPPING.role,
  enterpriseId: env.CLAIM_ENTERPRISE_ID ?? DEFAULT_CLAIMS_MAPPING.enterpriseId,
  unitId: env.CLAIM_UNIT_ID ?? DEFAULT_CLAIMS_MAPPING.unitId,
  cadreId: env.CLAIM_CADRE_ID ?? DEFAULT_CLAIMS_MAPPING.cadreId,
});
