import { type CfnResource, type Duration, Stack } from 'aws-cdk-lib';
import { Policy, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, type CfnFunction, LoggingFormat, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { targetFeatures } from '../deployment-target';
import { acknowledgeTracingGrant, acknowledgeUntracedFunction } from '../nag';
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
 * inside, JSON logs into its own log group with retention, X-Ray active where Lambda offers it (not
 * in AWS China). Its role starts empty: no AWS-managed policy (AWSLambdaBasicExecutionRole allows
 * logging anywhere), only writing to its own log group; every other grant is made by whoever wires
 * the function. The `local:entry` metadata lets the local runner find the TypeScript source behind a
 * function in the synthesized template.
 */
export class NodeFunction extends Construct {
  readonly fn: NodejsFunction;

  constructor(scope: Construct, id: string, props: NodeFunctionProps) {
    super(scope, id);
    const logGroup = new LogGroup(this, 'Logs', { retention: props.logRetention });
    const role = new Role(this, 'Role', { assumedBy: new ServicePrincipal('lambda') });
    logGroup.grant(role, 'logs:CreateLogStream', 'logs:PutLogEvents');
    this.fn = new NodejsFunction(this, 'Function', {
      entry: props.entry,
      handler: 'handler',
      description: props.description,
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize,
      timeout: props.timeout,
      role,
      logGroup,
      loggingFormat: LoggingFormat.JSON,
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
    const resource = this.fn.node.defaultChild as CfnFunction;
    if (targetFeatures(this).tracing) {
      // Set on the resource rather than through `tracing`, which would put the X-Ray actions (on `*`,
      // the only resource they take) into the role's default policy, among the grants that must name
      // a resource. Here they are a policy of their own, acknowledged alone.
      resource.tracingConfig = { mode: 'Active' };
      const tracing = new Policy(this, 'Tracing', {
        statements: [
          new PolicyStatement({
            actions: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'],
            resources: ['*'],
          }),
        ],
      });
      tracing.attachToRole(role);
      acknowledgeTracingGrant(tracing);
    } else {
      acknowledgeUntracedFunction(resource);
    }
    (resource as CfnResource).addMetadata('local:entry', props.entry);
    (resource as CfnResource).addMetadata('local:handler', 'handler');
  }
}
