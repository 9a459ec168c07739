import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import type { MediaRow } from '../../src/db/rows';
import { SAMPLE_N3 } from '../../src/domain/samples/sample-n3';
import { SAMPLE_N5 } from '../../src/domain/samples/sample-n5';
import type { Story } from '../../src/domain/story';
import { useE2eApp } from '../support/e2e-app';
import { hasNoHorizontalOverflow, seriousA11yViolations, waitForDatabase } from '../support/e2e-helpers';
import { configureGemini, readAll } from '../support/e2e-jobs';
import { failedStoryJob, makeStory, progressRow, putRows, putStories } from '../support/e2e-rows';
import { mintFakeGoogleKey } from '../support/fake-key';

/** Settings at 360 px: deleting all narration or all pictures, "Delete everything", and About. */
const app = useE2eApp({ viewport: { width: 360, height: 640 } });
let page: Page;

beforeEach(async () => {
  page = app.page;
  await page.goto(`${app.server.url}/`);
  await page.getByRole('heading', { name: 'Recent stories' }).waitFor();
});

async function openSettings(): Promise<void> {
  await page.goto(`${app.server.url}/settings`);
  await page.getByRole('heading', { name: 'Danger zone' }).waitFor();
}

/** Media rows as a finished job leaves them; blobs are made in the page (they do not cross evaluate). */
async function putMedia(rows: { storyId: string; kind: MediaRow['kind']; index: number }[]): Promise<void> {
  await waitForDatabase(page);
  return page.evaluate(
    (rows) => new Promise<void>((ok, fail) => {
      const open = indexedDB.open('nihongo-monogatari');
      open.onerror = () => fail(open.error);
      open.onsuccess = () => {
        const tx = open.result.transaction('media', 'readwrite');
        for (const r of rows) {
          const mime = r.kind === 'audio' ? 'audio/wav' : 'image/png';
          tx.objectStore('media').put({ ...r, blob: new Blob([new Uint8Array(2048)], { type: mime }), mime, bytes: 2048, createdAt: Date.now() });
        }
        tx.oncomplete = () => { open.result.close(); ok(); };
        tx.onerror = () => fail(tx.error);
      };
    }),
    rows,
  );
}

describe('deleting all media of one kind', () => {
  it('"Delete all narration (2 stories)" asks first, deletes every story’s audio, keeps the pictures, and updates the counts', async () => {
    const n3 = { ...SAMPLE_N3, media: { audioSegments: 2, images: 1 } } as Story;
    const n5 = { ...SAMPLE_N5, media: { audioSegments: 1, images: 0 } } as Story;
    await putStories(page, [n3, n5]);
    await putMedia([
      { storyId: n3.id, kind: 'audio', index: 0 }, { storyId: n3.id, kind: 'audio', index: 1 }, { storyId: n3.id, kind: 'image', index: -1 },
      { storyId: n5.id, kind: 'audio', index: 0 },
    ]);
    await openSettings();
    const narration = page.getByRole('button', { name: 'Delete all narration (2 stories)' });
    await narration.waitFor();
    await page.getByRole('button', { name: 'Delete all pictures (1 story)' }).waitFor();

    await narration.click();
    const dialog = page.getByRole('dialog', { name: 'Delete all narration?' });
    await dialog.waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect((await readAll<MediaRow>(page, 'media')).length).toBe(4);

    await narration.click();
    await dialog.getByRole('button', { name: 'Delete narration' }).click();
    await page.getByText('Deleted the narration of 2 stories (6 KB).', { exact: false }).waitFor();
    expect((await readAll<MediaRow>(page, 'media')).map((r) => [r.storyId, r.kind])).toEqual([[n3.id, 'image']]);
    const stories = await readAll<Story>(page, 'stories');
    expect(stories.find((s) => s.id === n3.id)?.media).toMatchObject({ audioSegments: 0, images: 1 });
    expect(stories.find((s) => s.id === n5.id)?.media).toMatchObject({ audioSegments: 0 });
    await expect.poll(() => page.getByRole('button', { name: 'Delete all narration (0 stories)' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Delete all pictures (1 story)' }).waitFor();
    expect(await hasNoHorizontalOverflow(page)).toBe(true);
  });
});

describe('"Delete everything"', () => {
  it('asks twice, then empties this device (stories, progress, settings, key, jobs, media) and starts afresh', async () => {
    const mine = makeStory('私の話', { source: 'generated' });
    await putStories(page, [mine]);
    await putRows(page, 'progress', [progressRow(mine.id, 40)]);
    await putRows(page, 'jobs', [failedStoryJob('a trip', 'It stopped.')]);
    await putMedia([{ storyId: mine.id, kind: 'audio', index: 0 }]);
    await configureGemini(page, 'http://127.0.0.1:9', mintFakeGoogleKey());
    await openSettings();

    await page.getByRole('button', { name: 'Delete everything…' }).click();
    const first = page.getByRole('dialog', { name: 'Delete everything on this device?' });
    await first.waitFor();
    await first.getByText(/Copies synced to your Supabase project are not touched/).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    if (process.env.NM_SHOTS) await page.screenshot({ path: `${process.env.NM_SHOTS}/delete-everything.png` });
    await first.getByRole('button', { name: 'Cancel' }).click();
    expect((await readAll(page, 'jobs')).length).toBe(1);

    await page.getByRole('button', { name: 'Delete everything…' }).click();
    await first.getByRole('button', { name: 'Yes, continue' }).click();
    const second = page.getByRole('dialog', { name: 'Really delete everything?' });
    await second.waitFor();
    // Cancel has the focus again: Enter on the second question does not delete.
    expect(await second.getByRole('button', { name: 'Cancel' }).evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    await Promise.all([page.waitForEvent('load'), second.getByRole('button', { name: 'Delete everything' }).click()]);

    await page.getByRole('heading', { name: 'Danger zone' }).waitFor();
    await expect.poll(async () => (await readAll<Story>(page, 'stories')).some((s) => s.id === mine.id)).toBe(false);
    expect(await readAll(page, 'jobs')).toEqual([]);
    expect(await readAll(page, 'progress')).toEqual([]);
    expect(await readAll(page, 'media')).toEqual([]);
    expect(await readAll(page, 'secrets')).toEqual([]);
    await page.getByText('No key saved yet.').waitFor();
  });
});

describe('About', () => {
  it('says the version in words and links to Diagnostics', async () => {
    await openSettings();
    const about = page.getByRole('region', { name: 'About' });
    await expect.poll(() => about.getByTestId('app-version').textContent()).toMatch(/^\d+\.\d+\.\d+, built \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$/);
    await about.getByRole('link', { name: 'Diagnostics' }).click();
    await page.waitForURL(`${app.server.url}/diagnostics`);
    await page.getByRole('heading', { level: 1 }).waitFor();
  });
});
