/**
 * `npm run smoke`: one issue driven through escalation → overdue → supervision → resolution →
 * verdict → closed against a running system (BASE_URL, default http://localhost:3000), each step
 * printed. Exits non-zero at the first step that does not come about. README: "Checking a system".
 */
import { apiClient } from './api-client';
import { smokeSteps } from './steps';
import { detectTarget } from './target';

const baseUrl = (process.env.BASE_URL ?? 'http://localhost:3000').replace(/\/$/, '');
const api = apiClient(() => baseUrl);
const started = Date.now();

try {
  const target = await detectTarget(api, process.env);
  console.log(`smoke against ${baseUrl} (${target.kind === 'local' ? 'local mode' : 'deployed'})`);
  let passed = 0;
  for (const step of smokeSteps(api, target)) {
    const stepStarted = Date.now();
    const outcome = await step.run();
    const took = `${Date.now() - stepStarted} ms`;
    if (outcome === 'skipped') {
      console.log(`- ${step.name.padEnd(24)} skipped: ${step.skipReason ?? ''}`);
      continue;
    }
    console.log(`✓ ${step.name.padEnd(24)} ${outcome}  (${took})`);
    passed++;
  }
  console.log(`smoke passed: ${passed} steps in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} catch (error) {
  console.error(`✗ ${(error as Error).message}`);
  console.error(`smoke FAILED after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  process.exit(1);
}
