/**
 * One structured JSON logger per process: a line per record with level, message, service,
 * timestamp, correlation id and the fields given. Log ids, routes and outcomes; never names, bodies
 * or claims. It replaces the Powertools logger, whose 20 KB pushed API bundles over their budget;
 * CloudWatch's JSON handling and Lambda's log-level controls do the rest.
 */
const LEVELS = { DEBUG: 10, INFO: 20, WARN: 30, ERROR: 40, SILENT: 100 } as const;
type Level = Exclude<keyof typeof LEVELS, 'SILENT'>;

const threshold = (): number => {
  const configured = (process.env.LOG_LEVEL ?? process.env.AWS_LAMBDA_LOG_LEVEL ?? 'INFO').toUpperCase();
  return LEVELS[configured as keyof typeof LEVELS] ?? LEVELS.INFO;
};

/** Errors become their name, message and stack; JSON.stringify would print `{}`. */
const serializable = (value: unknown): unknown =>
  value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value;

class StructuredLogger {
  private keys: Record<string, unknown> = {};
  private readonly minimum = threshold();

  constructor(private readonly service: string) {}

  setCorrelationId(correlationId: string): void {
    this.keys = { ...this.keys, correlationId };
  }

  appendKeys(keys: Record<string, unknown>): void {
    this.keys = { ...this.keys, ...keys };
  }

  debug(message: string, fields?: Record<string, unknown>): void {
    this.write('DEBUG', message, fields);
  }

  info(message: string, fields?: Record<string, unknown>): void {
    this.write('INFO', message, fields);
  }

  warn(message: string, fields?: Record<string, unknown>): void {
    this.write('WARN', message, fields);
  }

  error(message: string, fields?: Record<string, unknown>): void {
    this.write('ERROR', message, fields);
  }

  private write(level: Level, message: string, fields: Record<string, unknown> = {}): void {
    if (LEVELS[level] < this.minimum) return;
    const extra = Object.fromEntries(
      Object.entries(fields).map(([key, value]) => [key, serializable(value)]),
    );
    const record = {
      level,
      message,
      service: this.service,
      timestamp: new Date().toISOString(),
      ...this.keys,
      ...extra,
    };
    process.stdout.write(`${JSON.stringify(record)}\n`);
  }
}

export const logger = new StructuredLogger(process.env.SERVICE_NAME ?? 'qinqing');
