/** Where each partition's console is: it is not derived from the API domain (amazonaws.com.cn vs console.amazonaws.cn). */
const CONSOLE_HOSTS: Readonly<Record<string, (region: string) => string>> = {
  aws: (region) => `https://${region}.console.aws.amazon.com`,
  'aws-cn': () => 'https://console.amazonaws.cn',
  'aws-us-gov': () => 'https://console.amazonaws-us-gov.com',
};

const EXECUTION_ARN = /^arn:([a-z-]+):states:([a-z0-9-]+):\d{12}:execution:[^:]+:([^:]+)$/;

/**
 * Where an operator looks at an issue's execution: the Step Functions console of the execution's own
 * partition and region, or, where executions are listed elsewhere (local mode's
 * `/_local/executions/{name}`), that template with the execution's name. Undefined for an ARN it
 * cannot read, or a partition whose console it does not know.
 */
export const executionLink = (executionArn: string, localTemplate?: string): string | undefined => {
  const match = EXECUTION_ARN.exec(executionArn);
  if (!match) return undefined;
  const [, partition = '', region = '', name = ''] = match;
  if (localTemplate) return localTemplate.replace('{name}', encodeURIComponent(name));
  const host = CONSOLE_HOSTS[partition];
  return host && `${host(region)}/states/home?region=${region}#/v2/executions/details/${executionArn}`;
};
