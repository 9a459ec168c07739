import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { CHROMIUM_PATH } from './browser';

/**
 * Builds the production bundle once for every e2e file (they test what learners get, not the dev
 * server) and checks the browser is there, failing the run loudly rather than skipping.
 */
export default function setup(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`E2E tests need Chromium at ${CHROMIUM_PATH}: apt-get install -y chromium (see .ci/run).`);
  }
  const root = resolve(import.meta.dirname, '../..');
  try {
    execFileSync(process.execPath, [resolve(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'error'], {
      cwd: root,
      stdio: 'pipe',
      env: { ...process.env, NODE_ENV: 'production' },
    });
  } catch (error) {
    const e = error as { stderr?: Buffer; stdout?: Buffer };
    throw new Error(`vite build failed:\n${e.stdout?.toString() ?? ''}${e.stderr?.toString() ?? ''}`);
  }
}
