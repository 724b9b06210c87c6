import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { DeadLetters } from './dead-letters/dead-letters';
import type { ComponentHealth } from './health/component-health';
import type { IncomingRequest } from './http/incoming-request';
import type { ResourceNamers } from './template/intrinsics';
import type { StackTemplate } from './template/types';

/** A route under `/_local`: served by local mode itself, never part of the deployed API. */
export interface LocalRoute {
  method: string;
  /** Literal, or with `{name}` segments that arrive as path parameters. */
  path: string;
  handle(
    request: IncomingRequest,
    pathParameters: Record<string, string>,
  ): Promise<APIGatewayProxyStructuredResultV2>;
}

export interface LocalModuleContext {
  stacks: readonly StackTemplate[];
  region: string;
  accountId: string;
  dataDir: string;
  /** Runs a template function in-process as Lambda would; valid once every module has started. */
  invoke(functionLogicalId: string, event: unknown): Promise<unknown>;
  /** Where stream mappings and schedules put what they give up on. */
  deadLetters: DeadLetters;
}

export interface StartedLocalModule {
  /** Variables the handlers need to reach this module, e.g. an SDK endpoint override. */
  environment?: Record<string, string>;
  /** The CloudFormation types this module emulates, so references to them in function environments resolve. */
  namers?: ResourceNamers;
  routes?: LocalRoute[];
  /** Lines for the start banner. */
  banner?: string[];
  /** How it is doing now, for `/_local/health` and the banner. */
  health?(): Promise<ComponentHealth>;
  stop(): Promise<void>;
}

/**
 * One emulated AWS service, read from the template. DynamoDB is one; the Step Functions state machine
 * and the EventBridge schedules plug in the same way.
 */
export interface LocalModule {
  name: string;
  start(context: LocalModuleContext): Promise<StartedLocalModule>;
}
