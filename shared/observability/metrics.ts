/**
 * Program metrics in CloudWatch Embedded Metric Format: one JSON line on stdout per call, which
 * CloudWatch Logs turns into metrics in the `PROGRAM_METRICS_NAMESPACE` namespace, no API call and no
 * permission needed. Written straight to stdout (as the logger writes), so Lambda's JSON log format
 * leaves the line as it is. Our own 30 lines: Powertools Metrics adds 15 KB to a bundle, which puts
 * API handlers over their budget (docs/operations.md). Silent with `LOG_LEVEL=SILENT`, as the logger.
 */
export const PROGRAM_METRICS_NAMESPACE = 'Qinqing/Program';

/** Every metric carries the function's service (its stack name, so the stage), and may add one more. */
export const SERVICE_DIMENSION = 'Service';

export type MetricUnit = 'Count' | 'Milliseconds';

export interface MetricRecord {
  /** Metric name → value; all in one unit. */
  values: Record<string, number>;
  unit?: MetricUnit;
  /** At most one dimension beside the service, e.g. `{ Job: 'daily-sweep' }`. */
  dimension?: Record<string, string>;
}

const silent = (): boolean => (process.env.LOG_LEVEL ?? '').toUpperCase() === 'SILENT';

/** The EMF document for one record (exported for its test). */
export const emfDocument = (record: MetricRecord, service: string, timestamp: number) => {
  const dimensionNames = [SERVICE_DIMENSION, ...Object.keys(record.dimension ?? {})];
  return {
    _aws: {
      Timestamp: timestamp,
      CloudWatchMetrics: [
        {
          Namespace: PROGRAM_METRICS_NAMESPACE,
          Dimensions: [dimensionNames],
          Metrics: Object.keys(record.values).map((name) => ({ Name: name, Unit: record.unit ?? 'Count' })),
        },
      ],
    },
    [SERVICE_DIMENSION]: service,
    ...record.dimension,
    ...record.values,
  };
};

/** Publishes the values now. Zero values are published too: a quiet day is a data point, not a gap. */
export const putMetrics = (record: MetricRecord): void => {
  if (silent() || Object.keys(record.values).length === 0) return;
  const service = process.env.SERVICE_NAME ?? 'qinqing';
  process.stdout.write(`${JSON.stringify(emfDocument(record, service, Date.now()))}\n`);
};
