import { defineConfig } from 'vitest/config';

/**
 * Four suites, all run by `npm test`:
 * - unit: pure logic and Dexie code on fake-indexeddb;
 * - integration: app code against local test doubles (fake Gemini server, Supabase front on Postgres);
 * - component: single UI components in headless Chromium, on a fixture page served by one Vite dev
 *   server for the project (tests/component/support/global-setup.ts), driven by playwright-core;
 * - e2e: the production build in headless Chromium (playwright-core, system Chromium).
 */
export default defineConfig({
  test: {
    silent: 'passed-only',
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['tests/support/setup-unit.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['tests/support/setup-unit.ts'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'component',
          include: ['tests/component/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/component/support/global-setup.ts'],
          testTimeout: 20_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/e2e-global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
