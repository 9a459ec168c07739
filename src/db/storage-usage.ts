import { getDb } from './database';
import { mediaBytes } from './library-repo';

/**
 * What the library takes on this device, for the Settings page ("Storage used") and for choosing
 * which stories' media to free. Text size is the UTF-8 length of each story row as JSON: the size it
 * has in an export file, a fair and cheap estimate (IndexedDB's own encoding is not observable).
 * The browser's overall figure (navigator.storage.estimate) is the UI's to show beside it.
 */
export interface StoryUsage {
  storyId: string;
  /** '' for media whose story no longer exists (left behind by an interrupted job). */
  titleJP: string;
  textBytes: number;
  audioBytes: number;
  imageBytes: number;
}

export interface StorageUsage {
  /** Bytes of story text (all stories). */
  stories: number;
  media: { audio: number; images: number };
  /** Largest first. */
  perStory: StoryUsage[];
}

export async function storageUsage(): Promise<StorageUsage> {
  const db = getDb();
  const encoder = new TextEncoder();
  const byStory = new Map<string, StoryUsage>();
  const entry = (storyId: string): StoryUsage => {
    let usage = byStory.get(storyId);
    if (!usage) {
      usage = { storyId, titleJP: '', textBytes: 0, audioBytes: 0, imageBytes: 0 };
      byStory.set(storyId, usage);
    }
    return usage;
  };
  await db.transaction('r', db.stories, db.media, async () => {
    await db.stories.each((story) => {
      const usage = entry(story.id);
      usage.titleJP = story.titleJP;
      usage.textBytes = encoder.encode(JSON.stringify(story)).length;
    });
    await db.media.each((row) => {
      const usage = entry(row.storyId);
      if (row.kind === 'audio') usage.audioBytes += mediaBytes(row);
      else usage.imageBytes += mediaBytes(row);
    });
  });
  const perStory = [...byStory.values()].sort((a, b) => total(b) - total(a));
  const sum = (pick: (u: StoryUsage) => number) => perStory.reduce((n, u) => n + pick(u), 0);
  return {
    stories: sum((u) => u.textBytes),
    media: { audio: sum((u) => u.audioBytes), images: sum((u) => u.imageBytes) },
    perStory,
  };
}

function total(usage: StoryUsage): number {
  return usage.textBytes + usage.audioBytes + usage.imageBytes;
}
