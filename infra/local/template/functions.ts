import { isRecord, resourcesOfType, type StackTemplate } from './types';

/** A Lambda function that local mode can run in-process from its TypeScript entry. */
export interface FunctionDefinition {
  logicalId: string;
  stack: StackTemplate;
  functionName: string;
  /** Repo-relative TypeScript entry, from the `local:entry` metadata the function construct adds. */
  entry: string;
  handlerExport: string;
  timeoutSeconds: number;
  memoryMb: number;
  /** Unresolved: values may be intrinsics that only the local modules can answer. */
  environment: Record<string, unknown>;
}

const LAMBDA_DEFAULT_TIMEOUT_SECONDS = 3;
const LAMBDA_DEFAULT_MEMORY_MB = 128;

/**
 * The stack's functions that carry a `local:entry`. Others (CDK's own custom-resource providers) are
 * deployment machinery, not application code, and never run locally.
 */
export const functionDefinitions = (stack: StackTemplate): FunctionDefinition[] =>
  resourcesOfType(stack, 'AWS::Lambda::Function').flatMap(([logicalId, resource]) => {
    const entry = resource.Metadata?.['local:entry'];
    if (typeof entry !== 'string') return [];
    const properties = resource.Properties ?? {};
    const handlerExport = resource.Metadata?.['local:handler'];
    const variables = isRecord(properties.Environment) ? properties.Environment.Variables : undefined;
    return [
      {
        logicalId,
        stack,
        functionName: typeof properties.FunctionName === 'string' ? properties.FunctionName : logicalId,
        entry,
        handlerExport: typeof handlerExport === 'string' ? handlerExport : 'handler',
        timeoutSeconds: Number(properties.Timeout ?? LAMBDA_DEFAULT_TIMEOUT_SECONDS),
        memoryMb: Number(properties.MemorySize ?? LAMBDA_DEFAULT_MEMORY_MB),
        environment: isRecord(variables) ? variables : {},
      },
    ];
  });
