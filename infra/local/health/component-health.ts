/**
 * How one local component is doing. `broken`: it cannot do its job now (answers 503 at
 * `/_local/health`); `attention`: it works, but left something for a person (dead letters, failed
 * executions); `ok`: nothing to look at.
 */
export type HealthStatus = 'ok' | 'attention' | 'broken';

export interface ComponentHealth {
  component: string;
  status: HealthStatus;
  /** One line for a person: the start banner prints it. */
  summary: string;
  /** The component's own figures (per mapping, per rule, counts). */
  details?: unknown;
}

const RANK: Record<HealthStatus, number> = { ok: 0, attention: 1, broken: 2 };

export const worstStatus = (components: readonly ComponentHealth[]): HealthStatus =>
  components.reduce<HealthStatus>((worst, { status }) => (RANK[status] > RANK[worst] ? status : worst), 'ok');
