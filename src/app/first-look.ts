import { readFirstLook, type FirstLook } from '../db/first-look';
import { type HomeData, HOME_LIMITS } from '../db/home-shape';
import { NO_CARD_FACTS } from '../domain/card-facts';
import type { Story } from '../domain/story';
import { toSummary } from '../domain/summary';

/**
 * Home draws its first screen from this look, taken before Dexie loads (db/first-look.ts), and the
 * header its job count; their live queries take over once storage is open. Each part is taken once:
 * Home opened again later reads live like every other page.
 */
let kept: Partial<FirstLook> = {};

/** Far above a cold read (tens of ms); only a hung IndexedDB takes longer. */
export const FIRST_LOOK_WAIT_MS = 1000;

/**
 * What Home's first screen shows, or null when only opening storage can say. On a first visit the
 * database does not exist yet, and what Home will show once the samples went in is known already:
 * the bundled samples, nothing read, no key, no jobs. That is drawn from the samples' own module
 * (fetched while this runs, see seed.ts), and storage is seeded right after with the same stories.
 */
export async function lookBeforeStorage(
  loadSamples: () => Promise<{ SAMPLE_STORIES: readonly Story[] }>,
  read: () => Promise<FirstLook | 'no-database' | null> = readFirstLook,
): Promise<FirstLook | null> {
  // Bounded: an IndexedDB that never answers (Dexie works around such browsers, this plain read
  // does not) must not leave the page blank; the usual start then opens storage and says why.
  const late = new Promise<null>((resolve) => setTimeout(resolve, FIRST_LOOK_WAIT_MS, null));
  const look = await Promise.race([read().catch(() => null), late]);
  if (look !== 'no-database') return look;
  try {
    const { SAMPLE_STORIES } = await loadSamples();
    return { settings: undefined, home: samplesOnly(SAMPLE_STORIES), activeJobs: 0 };
  } catch {
    // The samples' chunk did not load: the usual start seeds (and says so) or fails with a message.
    return null;
  }
}

/** A fresh library holding only the samples, as the live read will find it after seeding. */
export function samplesOnly(samples: readonly Story[], limit: number = HOME_LIMITS.recent): HomeData {
  // The order of Home's live read: newest first by createdAt, ties by id, highest first.
  const recent = samples
    .map(toSummary)
    .sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1))
    .slice(0, limit);
  return { continueReading: [], recent, facts: NO_CARD_FACTS, hasKey: false, failed: [] };
}

export function keepFirstLook(look: FirstLook): void {
  kept = { ...look };
}

/** Home's part of the first look, once. */
export function takeHomeFirstLook(): HomeData | undefined {
  const { home } = kept;
  kept.home = undefined;
  return home;
}

/** The header's job count from the first look, once. */
export function takeActiveJobsFirstLook(): number | undefined {
  const { activeJobs } = kept;
  kept.activeJobs = undefined;
  return activeJobs;
}
