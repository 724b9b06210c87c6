import { LocalModeError } from '../local-mode-error';
import { type ResolveScope, resolveString } from '../template/intrinsics';
import { isRecord, resourcesOfType, type StackTemplate } from '../template/types';
import { type FilterPattern, parseFilterPattern } from './filter-pattern';

/** A Lambda event source mapping on a DynamoDB stream, as the template declares it. */
export interface StreamMapping {
  logicalId: string;
  /** The table whose stream feeds the function (local mode names tables after the template). */
  tableName: string;
  functionLogicalId: string;
  batchSize: number;
  /** -1: until the record expires, as Lambda's default. */
  maximumRetryAttempts: number;
  /** Any one must match (Lambda ORs the filters); none means every record. */
  filters: FilterPattern[];
  reportBatchItemFailures: boolean;
}

/** Lambda's defaults for a DynamoDB stream source. */
const DEFAULT_BATCH_SIZE = 100;
const UNTIL_EXPIRED = -1;

const TABLE_OF_STREAM = /:table\/([^/]+)\/stream\//;

const functionLogicalIdOf = (logicalId: string, value: unknown): string => {
  const ref = isRecord(value) ? value.Ref : undefined;
  if (typeof ref !== 'string') {
    throw new LocalModeError(
      `Event source mapping ${logicalId}: FunctionName must be a Ref to a template function`,
    );
  }
  return ref;
};

const filtersOf = (logicalId: string, criteria: unknown): FilterPattern[] => {
  const filters = isRecord(criteria) && Array.isArray(criteria.Filters) ? criteria.Filters : [];
  return filters.map((filter: unknown, i) => {
    const pattern = isRecord(filter) ? filter.Pattern : undefined;
    if (typeof pattern !== 'string') {
      throw new LocalModeError(`Event source mapping ${logicalId}: filter ${i} has no Pattern`);
    }
    return parseFilterPattern(pattern, `Event source mapping ${logicalId}: filter ${i}`);
  });
};

/** A `GetAtt` of a queue of the stack: the queues module (infra/local/queues) runs those mappings. */
const isQueueOfStack = (stack: StackTemplate, arn: unknown): boolean => {
  const getAtt = isRecord(arn) ? arn['Fn::GetAtt'] : undefined;
  const logicalId = Array.isArray(getAtt) ? getAtt[0] : undefined;
  return typeof logicalId === 'string' && stack.template.Resources?.[logicalId]?.Type === 'AWS::SQS::Queue';
};

/**
 * The stack's event source mappings whose source is a DynamoDB stream. The stream's ARN (a `GetAtt`
 * or, across stacks, an `ImportValue` of the table's `StreamArn`) resolves to the local table's, which
 * names the table; other sources (queues, Kinesis) are not emulated and are left out.
 */
export const streamMappings = (stack: StackTemplate, scope: ResolveScope): StreamMapping[] =>
  resourcesOfType(stack, 'AWS::Lambda::EventSourceMapping').flatMap(([logicalId, resource]) => {
    const properties = resource.Properties ?? {};
    if (isQueueOfStack(stack, properties.EventSourceArn)) return [];
    const tableName = TABLE_OF_STREAM.exec(resolveString(properties.EventSourceArn, stack, scope))?.[1];
    if (!tableName) return [];
    const responseTypes = Array.isArray(properties.FunctionResponseTypes)
      ? properties.FunctionResponseTypes
      : [];
    return [
      {
        logicalId,
        tableName,
        functionLogicalId: functionLogicalIdOf(logicalId, properties.FunctionName),
        batchSize: Number(properties.BatchSize ?? DEFAULT_BATCH_SIZE),
        maximumRetryAttempts: Number(properties.MaximumRetryAttempts ?? UNTIL_EXPIRED),
        filters: filtersOf(logicalId, properties.FilterCriteria),
        reportBatchItemFailures: responseTypes.includes('ReportBatchItemFailures'),
      },
    ];
  });
