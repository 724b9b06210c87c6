import { excellentBaseFromEnv, excellentBaseToEnv } from '../shared/domain/excellent-quota';
import { issuePolicyFromEnv, issuePolicyToEnv } from '../shared/domain/issues/policy';
import { scoringConfigFromEnv, scoringConfigToEnv } from '../shared/domain/scoring/config';

/**
 * The program's tunable rules, grouped by the code that reads them: `issue` (the issue policy,
 * ISSUE_*), `scoring` (SCORING_*), `appraisal` (EXCELLENT_BASE_PERCENT). A function gets the
 * variables of the groups it declares; test/infra/bundles.test.ts checks the declarations against
 * what each bundle contains.
 */
export type PolicyGroup = 'issue' | 'scoring' | 'appraisal';

type Overrides = Readonly<Record<string, string>>;

/**
 * Each group read with the functions' own parser, so that a value they would refuse at cold start
 * fails synth instead, then written out in full: the template shows every value a function runs with.
 */
const GROUPS: Record<PolicyGroup, (overrides: Overrides) => Record<string, string>> = {
  issue: (overrides) => issuePolicyToEnv(issuePolicyFromEnv(overrides)),
  scoring: (overrides) => scoringConfigToEnv(scoringConfigFromEnv(overrides)),
  appraisal: (overrides) => excellentBaseToEnv(excellentBaseFromEnv(overrides)),
};

const POLICY_GROUPS = Object.keys(GROUPS) as PolicyGroup[];

/** Every group's variables for one stage. */
export type PolicyEnvironment = Record<PolicyGroup, Record<string, string>>;

const KNOWN_VARIABLES = new Set(POLICY_GROUPS.flatMap((group) => Object.keys(GROUPS[group]({}))));

/** The variables of `groups`, for a function that reads them. */
export const policyVariables = (
  policy: PolicyEnvironment,
  groups: readonly PolicyGroup[] = [],
): Record<string, string> => Object.assign({}, ...groups.map((group) => policy[group]));

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * One stage's policy from the `policySettings` context value: `{ "<stage>": { "<VARIABLE>": value } }`
 * in cdk.json, or the same JSON given as `-c policySettings=…`. A stage not named there, and a
 * variable it does not set, gets the program's default. Anything else wrong fails synth.
 */
export const policyEnvironment = (stage: string, policySettings: unknown): PolicyEnvironment => {
  const where = `context policySettings.${stage}`;
  const fail = (problem: string): never => {
    throw new Error(`Invalid policy settings for stage "${stage}" (${where}): ${problem}`);
  };
  let allStages = policySettings ?? {};
  if (typeof allStages === 'string') {
    try {
      allStages = JSON.parse(allStages);
    } catch {
      fail('policySettings is not JSON');
    }
  }
  if (!isRecord(allStages)) return fail('policySettings must be an object of stages');
  const stageSettings = allStages[stage] ?? {};
  if (!isRecord(stageSettings)) return fail('expected an object of variables');
  const overrides: Record<string, string> = {};
  for (const [variable, value] of Object.entries(stageSettings)) {
    if (!KNOWN_VARIABLES.has(variable)) {
      fail(`unknown variable ${variable} (known: ${[...KNOWN_VARIABLES].join(', ')})`);
    }
    if (typeof value !== 'string' && typeof value !== 'number')
      fail(`${variable} must be a string or a number`);
    overrides[variable] = String(value);
  }
  const environment = {} as PolicyEnvironment;
  for (const group of POLICY_GROUPS) {
    try {
      environment[group] = GROUPS[group](overrides);
    } catch (error) {
      fail((error as Error).message);
    }
  }
  return environment;
};
