import { jsonResponse } from '../http/json-response';
import type { LocalRoute } from '../local-module';
import { type ComponentHealth, worstStatus } from './component-health';

export type HealthProbe = () => Promise<ComponentHealth[]>;

export const healthReport = async (probe: HealthProbe) => {
  const components = await probe();
  return { status: worstStatus(components), checkedAt: new Date().toISOString(), components };
};

/** The start banner's health lines: the same probe `/_local/health` answers with. */
export const healthBanner = async (probe: HealthProbe): Promise<string[]> => {
  const report = await healthReport(probe);
  return [
    `Health          ${report.status}  (GET /_local/health)`,
    ...report.components.map(
      ({ component, status, summary }) => `  ${component.padEnd(14)}${status.padEnd(10)}${summary}`,
    ),
  ];
};

/**
 * `GET /_local/health`: every local component's state, 503 when one is broken, so a script (or a
 * person) can tell a working local system from one that only answers `GET /health`.
 */
export const healthRoute = (probe: HealthProbe): LocalRoute => ({
  method: 'GET',
  path: '/_local/health',
  handle: async () => {
    const report = await healthReport(probe);
    return jsonResponse(report, report.status === 'broken' ? 503 : 200);
  },
});
