import { GetExecutionHistoryCommand, type HistoryEvent } from '@aws-sdk/client-sfn';
import { ISSUE_CATEGORIES, ISSUE_PATHS } from '../../infra/local/seed/issue-paths';
import { asOperator, seedClient } from '../../infra/local/seed/seed-client';
import { settled } from '../../tools/dynamo-usage/settled';
import { type Usage, usageByScope, usageOf } from '../../tools/dynamo-usage/usage';
import type { MeteredLocalSystem } from './local-system';

/** The paths whose cost per issue the bench reports, by their names in the seed's scripts. */
export const MEASURED_PATHS = {
  'happy path (escalate → resolve → satisfied)': 'closed satisfied',
  'one re-review (… unsatisfied → resolve → satisfied)': 're-reviewed, then closed',
  'resolved on the spot, closed': 'resolved on the spot, closed',
} as const;

export interface PathUsage {
  path: string;
  total: Usage;
  /** The same calls by route and background function. */
  scopes: [string, Usage][];
  /** Step Functions states entered by the issue's execution (0 without one): the billed transitions. */
  statesEntered: number;
}

const statesEntered = async (issueId: string): Promise<number> => {
  const { sfnClient } = await import('../../shared/workflow/sfn-client');
  const { executionArnFor } = await import('../../shared/workflow/execution-arn');
  const events: HistoryEvent[] = [];
  let nextToken: string | undefined;
  try {
    do {
      const page = await sfnClient.send(
        new GetExecutionHistoryCommand({ executionArn: executionArnFor(issueId), nextToken }),
      );
      events.push(...(page.events ?? []));
      nextToken = page.nextToken;
    } while (nextToken);
  } catch (error) {
    if ((error as Error).name === 'ExecutionDoesNotExist') return 0;
    throw error;
  }
  return events.filter((event) => event.stateEnteredEventDetails).length;
};

/**
 * One issue at a time along a scripted path, through the API, waiting after each step until the
 * background (stream delivery, workflow tasks, event publishers) has settled, so that every call
 * counted belongs to this issue and the counts are the same on every run.
 */
export const measurePath = async (
  system: MeteredLocalSystem,
  path: keyof typeof ISSUE_PATHS,
  refs: { enterpriseId: string; unitId: string },
  n: number,
): Promise<PathUsage> => {
  const { takeStep } = await import('../../infra/local/seed/seed');
  const client = seedClient(system.url);
  await settled(system.meter);
  system.meter.reset();
  const raised = await client.post<{ id: string }>(
    '/issues',
    asOperator,
    {
      enterpriseId: refs.enterpriseId,
      category: ISSUE_CATEGORIES[0]?.code,
      title: `成本测量：${path}`,
      description: `成本测量 ${n}：按“${path}”路径办理。`,
      source: 'hotline',
    },
    `cost-bench-${n}`,
  );
  await settled(system.meter);
  for (const step of ISSUE_PATHS[path] ?? []) {
    if (step.do === 'consultation-decision') throw new Error(`path ${path} needs a consultation`);
    await takeStep(client, step, { issueId: raised.id, ...refs });
    await settled(system.meter);
  }
  const calls = system.meter.calls().filter((call) => call.scope !== 'outside any invocation');
  return {
    path,
    total: usageOf(calls),
    scopes: usageByScope(calls),
    statesEntered: await statesEntered(raised.id),
  };
};
