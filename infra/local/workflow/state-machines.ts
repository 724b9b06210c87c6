import { LocalModeError } from '../local-mode-error';
import { functionDefinitions } from '../template/functions';
import {
  type LocalResource,
  type ResolveScope,
  resolveString,
  UnresolvableValue,
} from '../template/intrinsics';
import { type CfnResource, isRecord, resourcesOfType, type StackTemplate } from '../template/types';
import type { AslDefinition } from './asl';

const partitionOf = (region: string) => (region.startsWith('cn-') ? 'aws-cn' : 'aws');

/** A state machine as the template declares it, with its definition resolved to local values. */
export interface LocalStateMachineDefinition {
  logicalId: string;
  name: string;
  arn: string;
  definition: AslDefinition;
  /** Function ARNs in the definition → the template functions local mode runs in-process. */
  functionsByArn: Map<string, string>;
  /** From `local:environment` metadata: the variable that carries this state machine's ARN locally. */
  arnVariable?: string;
}

const stateMachineName = (logicalId: string, resource: CfnResource): string => {
  const name = resource.Properties?.StateMachineName;
  return typeof name === 'string' ? name : logicalId;
};

/** How `Ref` and `Fn::GetAtt` of a state machine resolve locally (e.g. ISSUE_STATE_MACHINE_ARN). */
export const localStateMachine =
  (region: string, accountId: string) =>
  (logicalId: string, resource: CfnResource): LocalResource => {
    const name = stateMachineName(logicalId, resource);
    const arn = `arn:${partitionOf(region)}:states:${region}:${accountId}:stateMachine:${name}`;
    return { ref: arn, attributes: { Arn: arn, Name: name } };
  };

/** Every published version is "1" locally. */
const LOCAL_VERSION = '1';

const functionArn = (region: string, accountId: string, functionName: string) =>
  `arn:${partitionOf(region)}:lambda:${region}:${accountId}:function:${functionName}`;

/**
 * The stack's state machines, ready to run: CDK writes the definition as an `Fn::Join` that splices
 * in the partition and the ARNs of the functions its Tasks invoke; those resolve to ARNs that name the
 * template's functions, which the engine then runs in-process.
 */
export const stateMachineDefinitions = (
  stack: StackTemplate,
  scope: Omit<ResolveScope, 'namers'>,
): LocalStateMachineDefinition[] => {
  const functions = functionDefinitions(stack);
  const byLogicalId = new Map(functions.map((fn) => [fn.logicalId, fn]));
  const functionNamer = (logicalId: string): LocalResource => {
    const fn = byLogicalId.get(logicalId);
    if (!fn) throw new UnresolvableValue(`${logicalId} has no local:entry, so local mode cannot run it`);
    const arn = functionArn(scope.region, scope.accountId, fn.functionName);
    return { ref: fn.functionName, attributes: { Arn: arn } };
  };
  // A published version (what the state machine invokes, so old executions keep their code) runs
  // locally as its function's TypeScript entry: locally there is only ever the current code.
  const versionOf = (logicalId: string, resource: CfnResource) => {
    const target = resource.Properties?.FunctionName;
    const functionId = isRecord(target) && typeof target.Ref === 'string' ? target.Ref : undefined;
    const fn = functionId === undefined ? undefined : byLogicalId.get(functionId);
    if (!fn) throw new UnresolvableValue(`version ${logicalId} names no function local mode can run`);
    return fn;
  };
  const versionArn = (fn: { functionName: string }) =>
    `${functionArn(scope.region, scope.accountId, fn.functionName)}:${LOCAL_VERSION}`;
  const versionNamer = (logicalId: string, resource: CfnResource): LocalResource => {
    const arn = versionArn(versionOf(logicalId, resource));
    return { ref: arn, attributes: { Version: LOCAL_VERSION } };
  };
  const namers = {
    'AWS::Lambda::Function': functionNamer,
    'AWS::Lambda::Version': versionNamer,
    'AWS::StepFunctions::StateMachine': localStateMachine(scope.region, scope.accountId),
  };
  const functionsByArn = new Map(
    functions.flatMap((fn) => [
      [functionArn(scope.region, scope.accountId, fn.functionName), fn.logicalId] as const,
      [versionArn(fn), fn.logicalId] as const,
    ]),
  );

  return resourcesOfType(stack, 'AWS::StepFunctions::StateMachine').map(([logicalId, resource]) => {
    const { ref: arn, attributes } = localStateMachine(scope.region, scope.accountId)(logicalId, resource);
    let definition: AslDefinition;
    try {
      definition = JSON.parse(
        resolveString(resource.Properties?.DefinitionString, stack, { ...scope, namers }),
      ) as AslDefinition;
    } catch (error) {
      if (!(error instanceof UnresolvableValue)) throw error;
      throw new LocalModeError(`State machine ${logicalId}: ${error.message}`);
    }
    const arnVariable = resource.Metadata?.['local:environment'];
    return {
      logicalId,
      name: attributes.Name ?? logicalId,
      arn,
      definition,
      functionsByArn,
      ...(typeof arnVariable === 'string' ? { arnVariable } : {}),
    };
  });
};
