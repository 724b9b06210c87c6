/** The parts of a synthesized CloudFormation template that local mode reads. */
export interface CfnResource {
  Type: string;
  Properties?: Record<string, unknown>;
  Metadata?: Record<string, unknown>;
}

export interface CfnOutput {
  Value: unknown;
  Export?: { Name: unknown };
}

export interface CfnTemplate {
  Resources?: Record<string, CfnResource>;
  Outputs?: Record<string, CfnOutput>;
}

/** A synthesized stack: its deployed name (used by pseudo parameters) and template. */
export interface StackTemplate {
  stackName: string;
  template: CfnTemplate;
}

export const resourcesOfType = (stack: StackTemplate, type: string): [string, CfnResource][] =>
  Object.entries(stack.template.Resources ?? {}).filter(([, resource]) => resource.Type === type);

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
