import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SAMPLE_N3 } from '../../src/domain/samples/sample-n3';
import { DIST_DIR } from '../support/app-server';
import { useE2eApp } from '../support/e2e-app';
import { waitForServiceWorker } from '../support/e2e-helpers';

/**
 * What a first visit downloads (issue 12): Home and the Reader paint without zod. Stories in the
 * database were validated when they were written, so drawing one needs no validator; zod arrives
 * with the first action that writes (a request, an import), not with the page.
 */
const app = useE2eApp({ viewport: { width: 360, height: 640 } });
/** In every build of zod 4's core (its error class), and in no module of the app's own. */
const ZOD_MARKER = 'ZodError';

async function scriptsUntilSettled(page: Page, path: string, heading: string): Promise<string[]> {
  const bodies: Promise<string>[] = [];
  page.on('response', (response) => {
    if (new URL(response.url()).pathname.endsWith('.js')) bodies.push(response.text());
  });
  await page.goto(`${app.server.url}${path}`);
  await page.getByRole('heading', { name: heading }).first().waitFor();
  // The chores after the first paint (samples' words, the queue client, the header's counts) too.
  await waitForServiceWorker(page);
  await page.waitForLoadState('networkidle');
  return Promise.all(bodies);
}

describe('the first paint of a first visit', () => {
  it('the marker is zod’s: the build has a chunk with it', () => {
    const assets = join(DIST_DIR, 'assets');
    const withZod = readdirSync(assets).filter((f) => f.endsWith('.js') && readFileSync(join(assets, f), 'utf8').includes(ZOD_MARKER));
    expect(withZod.length).toBeGreaterThan(0);
  });

  it('Home loads no zod', async () => {
    const scripts = await scriptsUntilSettled(app.page, '/', 'Recent stories');
    expect(scripts.length).toBeGreaterThan(3);
    expect(scripts.filter((s) => s.includes(ZOD_MARKER))).toHaveLength(0);
  });

  it('the Reader draws a story and its words with no zod; asking for narration brings it', async () => {
    const scripts = await scriptsUntilSettled(app.page, `/story/${SAMPLE_N3.id}`, SAMPLE_N3.titleJP);
    expect(scripts.filter((s) => s.includes(ZOD_MARKER))).toHaveLength(0);
    await app.page.locator('ol.segments > li ruby').first().waitFor();

    const later: Promise<string>[] = [];
    app.page.on('response', (response) => {
      if (new URL(response.url()).pathname.endsWith('.js')) later.push(response.text());
    });
    await app.page.getByRole('button', { name: /^Narrate this story/ }).click();
    await expect.poll(async () => (await Promise.all(later)).some((s) => s.includes(ZOD_MARKER))).toBe(true);
  });
});
