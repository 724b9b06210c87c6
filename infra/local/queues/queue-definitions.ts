import { LocalModeError } from '../local-mode-error';
import type { LocalResource } from '../template/intrinsics';
import { type CfnResource, isRecord, resourcesOfType, type StackTemplate } from '../template/types';
import type { QueueDefinition } from './local-queues';

/** A Lambda event source mapping on an SQS queue, as the template declares it. */
export interface QueueMapping {
  logicalId: string;
  queueName: string;
  functionLogicalId: string;
  batchSize: number;
  reportBatchItemFailures: boolean;
}

/** `{Fn::GetAtt: [X, 'Arn']}` (or `'X.Arn'`) names the resource X of the same stack. */
const getAttTarget = (value: unknown): string | undefined => {
  if (!isRecord(value)) return undefined;
  const getAtt = value['Fn::GetAtt'];
  if (Array.isArray(getAtt) && typeof getAtt[0] === 'string') return getAtt[0];
  if (typeof getAtt === 'string') return getAtt.split('.')[0];
  return undefined;
};

/** Locally a queue is named by its QueueName, else its logical id. */
export const localQueueName = (logicalId: string, properties: Record<string, unknown>) =>
  typeof properties.QueueName === 'string' ? properties.QueueName : logicalId;

/** What a queue answers to `Ref` (its URL) and `Fn::GetAtt` locally, its endpoint at `baseUrl`. */
export const localQueueNamer =
  (baseUrl: string, region: string, accountId: string) =>
  (logicalId: string, resource: CfnResource): LocalResource => {
    const name = localQueueName(logicalId, resource.Properties ?? {});
    const url = `${baseUrl}/${accountId}/${name}`;
    const arn = `arn:${region.startsWith('cn-') ? 'aws-cn' : 'aws'}:sqs:${region}:${accountId}:${name}`;
    return { ref: url, attributes: { Arn: arn, QueueName: name, QueueUrl: url } };
  };

export const queueDefinitions = (stack: StackTemplate): QueueDefinition[] => {
  const queues = resourcesOfType(stack, 'AWS::SQS::Queue');
  const nameOfLogicalId = new Map(
    queues.map(([logicalId, queue]) => [logicalId, localQueueName(logicalId, queue.Properties ?? {})]),
  );
  return queues.map(([logicalId, queue]) => {
    const properties = queue.Properties ?? {};
    const redrivePolicy = isRecord(properties.RedrivePolicy) ? properties.RedrivePolicy : undefined;
    let redrive: QueueDefinition['redrive'];
    if (redrivePolicy) {
      const target = nameOfLogicalId.get(getAttTarget(redrivePolicy.deadLetterTargetArn) ?? '');
      if (!target) {
        throw new LocalModeError(
          `Queue ${logicalId}: local mode needs its dead-letter queue in the same stack`,
        );
      }
      redrive = { deadLetterQueue: target, maxReceiveCount: Number(redrivePolicy.maxReceiveCount) };
    }
    return {
      logicalId,
      name: localQueueName(logicalId, properties),
      visibilityTimeoutSeconds: Number(properties.VisibilityTimeout ?? 30),
      delaySeconds: Number(properties.DelaySeconds ?? 0),
      redrive,
    };
  });
};

/** Lambda's default batch size for an SQS source. */
const DEFAULT_BATCH_SIZE = 10;

/** The stack's event source mappings whose source is one of its queues. */
export const queueMappings = (stack: StackTemplate): QueueMapping[] => {
  const queues = new Map(
    resourcesOfType(stack, 'AWS::SQS::Queue').map(([logicalId, queue]) => [
      logicalId,
      localQueueName(logicalId, queue.Properties ?? {}),
    ]),
  );
  return resourcesOfType(stack, 'AWS::Lambda::EventSourceMapping').flatMap(([logicalId, mapping]) => {
    const properties = mapping.Properties ?? {};
    const queueName = queues.get(getAttTarget(properties.EventSourceArn) ?? '');
    if (!queueName) return [];
    const functionName = isRecord(properties.FunctionName) ? properties.FunctionName.Ref : undefined;
    if (typeof functionName !== 'string') {
      throw new LocalModeError(
        `Event source mapping ${logicalId}: FunctionName must be a Ref to a template function`,
      );
    }
    const responseTypes = Array.isArray(properties.FunctionResponseTypes)
      ? properties.FunctionResponseTypes
      : [];
    return [
      {
        logicalId,
        queueName,
        functionLogicalId: functionName,
        batchSize: Number(properties.BatchSize ?? DEFAULT_BATCH_SIZE),
        reportBatchItemFailures: responseTypes.includes('ReportBatchItemFailures'),
      },
    ];
  });
};
