import type { Page } from 'playwright-core';
import { DB_NAME } from '../../src/db/names';
import type { MediaRow } from '../../src/db/rows';
import type { Story } from '../../src/domain/story';
import { toSummary } from '../../src/domain/summary';
import { seedLibrary } from './e2e-seed';
import { waitForDatabase } from './e2e-helpers';

/** Helpers of the narration/illustration e2e tests and the media benchmark. */

const T0 = Date.UTC(2025, 0, 15, 8, 0, 0);

/** A generated story of `n` sentences (every third one with an imagePrompt), with a fresh id. */
export function storyOf(n: number, title = '長い一日'): Story {
  return {
    id: crypto.randomUUID(),
    titleJP: title,
    titleEN: 'A Long Day',
    level: 'N5',
    readTime: 3,
    excerpt: '朝から夜までの話です。',
    content: Array.from({ length: n }, (_, i) => ({
      jp: `これは${i + 1}番目の文です。`,
      readings: [{ text: '番目', reading: 'ばんめ' }, { text: '文', reading: 'ぶん' }],
      en: `This is sentence number ${i + 1}.`,
      imagePrompt: i % 3 === 0 ? `A quiet street in the morning, scene ${i + 1}` : undefined,
      vocab: [],
    })),
    questions: [],
    topic: 'a long day',
    length: 'long',
    source: 'generated',
    model: 'gemini-2.5-flash',
    createdAt: T0,
    updatedAt: T0,
    schemaVersion: 1,
  };
}

/** Writes stories (and their summaries) into the app's IndexedDB from the page, after a first visit. */
export async function seedStories(page: Page, stories: Story[]): Promise<void> {
  await seedLibrary(page, JSON.parse(JSON.stringify(stories)) as Story[], stories.map(toSummary));
}

export interface MediaInfo {
  kind: MediaRow['kind'];
  index: number;
  bytes: number;
  mime: string;
  /** Sample data bytes / byte rate, read from the stored WAV header (audio only). */
  durationMs: number;
}

/** The media rows of a story as plain data (blob sizes, WAV durations read in the page). */
export async function readMedia(page: Page, storyId: string): Promise<MediaInfo[]> {
  await waitForDatabase(page);
  return page.evaluate(
    ({ name, storyId }) =>
      new Promise<MediaInfo[]>((ok, fail) => {
        const open = indexedDB.open(name);
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const req = db.transaction('media').objectStore('media').index('storyId').getAll(storyId);
          req.onerror = () => fail(req.error);
          req.onsuccess = async () => {
            db.close();
            const rows = req.result as MediaRow[];
            const out: MediaInfo[] = [];
            for (const row of rows) {
              let durationMs = 0;
              if (row.kind === 'audio') {
                const view = new DataView(await row.blob.slice(0, 44).arrayBuffer());
                durationMs = (view.getUint32(40, true) / view.getUint32(28, true)) * 1000;
              }
              out.push({ kind: row.kind, index: row.index, bytes: row.blob.size, mime: row.mime, durationMs });
            }
            ok(out.sort((a, b) => a.index - b.index));
          };
        };
      }),
    { name: DB_NAME, storyId },
  );
}

/** Init script: remembers every <audio> that plays, so a test can see whether any still does. */
export const TRACK_AUDIO = `(() => {
  const seen = new Set();
  window.__playedAudio = seen;
  const play = HTMLMediaElement.prototype.play;
  HTMLMediaElement.prototype.play = function (...args) { seen.add(this); return play.apply(this, args); };
})();`;

export function anyAudioPlaying(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const seen = (window as unknown as { __playedAudio?: Set<HTMLMediaElement> }).__playedAudio ?? new Set<HTMLMediaElement>();
    return [...seen].some((a) => !a.paused);
  });
}
