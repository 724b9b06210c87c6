import { type CfnResource, isRecord, type StackTemplate } from './types';

/** What a deployed resource would answer to `Ref` and `Fn::GetAtt`, as local mode emulates it. */
export interface LocalResource {
  ref: string;
  attributes: Record<string, string>;
}

/**
 * Per CloudFormation type, how the local module that emulates it names a resource. A reference to a
 * type nobody emulates fails loudly: a handler given a made-up value would only fail later, obscurely.
 */
export type ResourceNamers = Record<
  string,
  (logicalId: string, resource: CfnResource, stack: StackTemplate) => LocalResource
>;

export interface ResolveScope {
  stacks: readonly StackTemplate[];
  region: string;
  accountId: string;
  namers: ResourceNamers;
}

export class UnresolvableValue extends Error {
  override readonly name = 'UnresolvableValue';
}

const partitionOf = (region: string) => (region.startsWith('cn-') ? 'aws-cn' : 'aws');

const pseudoParameter = (name: string, stack: StackTemplate, scope: ResolveScope): string | undefined =>
  ({
    'AWS::Region': scope.region,
    'AWS::AccountId': scope.accountId,
    'AWS::Partition': partitionOf(scope.region),
    'AWS::URLSuffix': scope.region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com',
    'AWS::StackName': stack.stackName,
  })[name];

const localResource = (logicalId: string, stack: StackTemplate, scope: ResolveScope): LocalResource => {
  const resource = stack.template.Resources?.[logicalId];
  if (!resource) throw new UnresolvableValue(`${stack.stackName} has no resource ${logicalId}`);
  const namer = scope.namers[resource.Type];
  if (!namer) {
    throw new UnresolvableValue(`${logicalId} is a ${resource.Type}, which local mode does not emulate`);
  }
  return namer(logicalId, resource, stack);
};

const ref = (name: string, stack: StackTemplate, scope: ResolveScope): string =>
  pseudoParameter(name, stack, scope) ?? localResource(name, stack, scope).ref;

const getAtt = (logicalId: string, attribute: string, stack: StackTemplate, scope: ResolveScope): string => {
  const value = localResource(logicalId, stack, scope).attributes[attribute];
  if (value === undefined) throw new UnresolvableValue(`no local value for ${logicalId}.${attribute}`);
  return value;
};

/** Cross-stack references (CDK's `Fn::ImportValue`) resolve through the exporting stack's output. */
const importValue = (exportName: string, scope: ResolveScope): string => {
  for (const stack of scope.stacks) {
    for (const output of Object.values(stack.template.Outputs ?? {})) {
      if (output.Export && resolveString(output.Export.Name, stack, scope) === exportName) {
        return resolveString(output.Value, stack, scope);
      }
    }
  }
  throw new UnresolvableValue(`no stack exports ${exportName}`);
};

const substitute = (
  text: string,
  variables: Record<string, unknown>,
  stack: StackTemplate,
  scope: ResolveScope,
): string =>
  text.replace(/\$\{(!?)([^}]+)\}/g, (_, literal: string, name: string) => {
    if (literal) return `\${${name}}`;
    if (name in variables) return resolveString(variables[name], stack, scope);
    const [logicalId, attribute] = name.split(/\.(.+)/);
    return attribute ? getAtt(logicalId ?? '', attribute, stack, scope) : ref(name, stack, scope);
  });

const intrinsics: Record<string, (argument: unknown, stack: StackTemplate, scope: ResolveScope) => unknown> =
  {
    Ref: (name, stack, scope) => ref(String(name), stack, scope),
    'Fn::GetAtt': (argument, stack, scope) => {
      const [logicalId, attribute] = Array.isArray(argument) ? argument : String(argument).split(/\.(.+)/);
      return getAtt(String(logicalId), String(attribute), stack, scope);
    },
    'Fn::ImportValue': (name, stack, scope) => importValue(resolveString(name, stack, scope), scope),
    'Fn::Join': (argument, stack, scope) => {
      const [separator, parts] = argument as [string, unknown];
      return resolveList(parts, stack, scope).join(separator);
    },
    'Fn::Select': (argument, stack, scope) => {
      const [index, list] = argument as [unknown, unknown];
      const item = resolveList(list, stack, scope)[Number(resolveString(index, stack, scope))];
      if (item === undefined) throw new UnresolvableValue('Fn::Select index out of range');
      return item;
    },
    'Fn::Split': (argument, stack, scope) => {
      const [separator, text] = argument as [string, unknown];
      return resolveString(text, stack, scope).split(separator);
    },
    'Fn::Sub': (argument, stack, scope) => {
      const [text, variables] = Array.isArray(argument) ? argument : [argument, {}];
      return substitute(String(text), variables as Record<string, unknown>, stack, scope);
    },
  };

/** Resolves a template value (a literal or an intrinsic function) to what it would be locally. */
export const resolveValue = (value: unknown, stack: StackTemplate, scope: ResolveScope): unknown => {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map((item) => resolveValue(item, stack, scope));
  if (isRecord(value)) {
    const [name, argument] = Object.entries(value)[0] ?? [];
    const intrinsic = name === undefined ? undefined : intrinsics[name];
    if (intrinsic && Object.keys(value).length === 1) return intrinsic(argument, stack, scope);
  }
  throw new UnresolvableValue(`cannot resolve ${JSON.stringify(value)}`);
};

export const resolveString = (value: unknown, stack: StackTemplate, scope: ResolveScope): string => {
  const resolved = resolveValue(value, stack, scope);
  if (typeof resolved !== 'string') throw new UnresolvableValue(`${JSON.stringify(value)} is not a string`);
  return resolved;
};

const resolveList = (value: unknown, stack: StackTemplate, scope: ResolveScope): string[] => {
  const resolved = resolveValue(value, stack, scope);
  if (!Array.isArray(resolved)) throw new UnresolvableValue(`${JSON.stringify(value)} is not a list`);
  return resolved.map(String);
};
