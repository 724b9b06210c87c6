import { type CfnResource, type Duration, Stack } from 'aws-cdk-lib';
import { Architecture, LoggingFormat, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { bundleSettings } from './bundling';

export interface NodeFunctionProps {
  /** Repo-relative TypeScript entry, e.g. `functions/api/units/handler.ts`. */
  entry: string;
  description: string;
  memorySize: number;
  timeout: Duration;
  environment?: Record<string, string>;
  logRetention: RetentionDays;
}

/**
 * Every Lambda function of the project (API areas, workflow steps, jobs, stream consumers) is one of
 * these, the one way it makes a Lambda function: Node.js 24 on arm64, ESM bundle with the SDK
 * inside, JSON logs into a log group with retention, X-Ray active. The `local:entry` metadata lets
 * the local runner find the TypeScript source behind a function in the synthesized template.
 */
export class NodeFunction extends Construct {
  readonly fn: NodejsFunction;

  constructor(scope: Construct, id: string, props: NodeFunctionProps) {
    super(scope, id);
    const logGroup = new LogGroup(this, 'Logs', { retention: props.logRetention });
    this.fn = new NodejsFunction(this, 'Function', {
      entry: props.entry,
      handler: 'handler',
      description: props.description,
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize,
      timeout: props.timeout,
      logGroup,
      loggingFormat: LoggingFormat.JSON,
      tracing: Tracing.ACTIVE,
      environment: {
        SERVICE_NAME: Stack.of(this).stackName,
        ...props.environment,
      },
      bundling: {
        format: OutputFormat.ESM,
        target: bundleSettings.target,
        minify: bundleSettings.minify,
        sourceMap: bundleSettings.sourcemap,
        mainFields: [...bundleSettings.mainFields],
        banner: bundleSettings.banner,
        externalModules: bundleSettings.external,
      },
    });
    const resource = this.fn.node.defaultChild as CfnResource;
    resource.addMetadata('local:entry', props.entry);
    resource.addMetadata('local:handler', 'handler');
  }
}
