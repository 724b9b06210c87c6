import { describe, expect, it } from 'vitest';
import { executionLink } from '../../../../shared/domain/issues/execution-link';

const arn = (partition: string, region: string) =>
  `arn:${partition}:states:${region}:123456789012:execution:IssueWorkflow-abc:01JISSUE000000000000000000`;

describe('executionLink', () => {
  it('opens the China console for an execution in a China region', () => {
    expect(executionLink(arn('aws-cn', 'cn-northwest-1'))).toBe(
      `https://console.amazonaws.cn/states/home?region=cn-northwest-1#/v2/executions/details/${arn('aws-cn', 'cn-northwest-1')}`,
    );
  });

  it('opens the global console in the execution’s region elsewhere', () => {
    expect(executionLink(arn('aws', 'ap-southeast-1'))).toMatch(
      /^https:\/\/ap-southeast-1\.console\.aws\.amazon\.com\/states\/home\?region=ap-southeast-1#\/v2\/executions\/details\/arn:aws:/,
    );
  });

  it('uses the local template, by execution name, where one is given', () => {
    expect(executionLink(arn('aws-cn', 'cn-north-1'), '/_local/executions/{name}')).toBe(
      '/_local/executions/01JISSUE000000000000000000',
    );
  });

  it('gives nothing for what is not an execution ARN', () => {
    expect(executionLink('arn:aws-cn:states:cn-north-1:123456789012:stateMachine:X')).toBeUndefined();
  });
});
