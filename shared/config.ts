/** Environment read once at module load; a missing variable fails the cold start, not a request. */
const required = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`Missing environment variable ${name}`);
  return value;
};

export const tableNames = {
  get program() {
    return required('PROGRAM_TABLE');
  },
  get ledger() {
    return required('LEDGER_TABLE');
  },
  get idempotency() {
    return required('IDEMPOTENCY_TABLE');
  },
};

/** The program's EventBridge bus (reports and other facts others may subscribe to). */
export const eventBusName = (): string => required('EVENT_BUS_NAME');
