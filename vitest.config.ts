import { defineConfig } from 'vitest/config';

const fakeAws = {
  AWS_REGION: 'cn-north-1',
  AWS_ACCESS_KEY_ID: 'local',
  AWS_SECRET_ACCESS_KEY: 'local',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  LOG_LEVEL: 'SILENT',
};

/**
 * Five projects, run together by `npm test`: unit (pure rules and handlers with mocked SDK clients),
 * infra (the synthesized template), integration (DynamoDB Local, started by the global setup),
 * workflow (the synthesized state machine on the local engine with the real task handlers, on
 * DynamoDB Local) and e2e (HTTP against the local server, started by its global setup).
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          env: {
            ...fakeAws,
            PROGRAM_TABLE: 'program',
            LEDGER_TABLE: 'ledger',
            IDEMPOTENCY_TABLE: 'idempotency',
            EVENT_BUS_NAME: 'program-events',
          },
        },
      },
      {
        test: {
          name: 'infra',
          include: ['test/infra/**/*.test.ts'],
          globalSetup: ['test/support/infra-global-setup.ts'],
          env: fakeAws,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          env: fakeAws,
          globalSetup: ['test/support/integration-global-setup.ts'],
          setupFiles: ['test/support/integration-env.ts', 'test/support/ledger-write-guard.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'workflow',
          include: ['test/workflow/**/*.test.ts'],
          env: fakeAws,
          globalSetup: ['test/support/integration-global-setup.ts'],
          setupFiles: [
            'test/support/integration-env.ts',
            'test/support/ledger-write-guard.ts',
            'test/support/workflow-env.ts',
          ],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One stream poller at a time on the shared table (test/support/workflow-env.ts).
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          env: fakeAws,
          globalSetup: ['test/support/e2e-global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
