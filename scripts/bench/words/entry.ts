import { loadCoverage } from '../../../src/db/card-facts';
import { NihongoDb, setDbForTests } from '../../../src/db/database';
import { markStoryKnown, setWordState } from '../../../src/db/words-repo';
import { coverageByStory, knownWords, storyWordList } from '../../../src/domain/words-coverage';
import { benchAnnotation, wordLibrary } from '../words-data';

/**
 * The words store in Chromium's IndexedDB (issue 14): the Library's coverage lookup for a large
 * library against a large known set (stored keys read + the known set read + the lookup), the
 * lookup alone, and what marking words known costs to write.
 */
export interface WordsBenchResult {
  readAndLookupMs: number[];
  lookupMs: number[];
  markWordMs: number[];
  markStoryMs: number;
  storiesWithCoverage: number;
}

async function benchWords(stories: number, known: number): Promise<WordsBenchResult> {
  const db = new NihongoDb(`bench-words-${crypto.randomUUID()}`);
  setDbForTests(db);
  await db.open();
  const data = wordLibrary(stories, known);
  await db.storyWords.bulkPut(data.storyWords);
  await db.words.bulkPut(data.known);

  const readAndLookupMs: number[] = [];
  const lookupMs: number[] = [];
  let storiesWithCoverage = 0;
  for (let run = 0; run < 7; run++) {
    const t0 = performance.now();
    const coverage = await loadCoverage();
    readAndLookupMs.push(performance.now() - t0);
    storiesWithCoverage = coverage.size;
    const knownSet = knownWords(data.known.map((w) => w.key));
    const t1 = performance.now();
    coverageByStory(data.storyWords, knownSet);
    lookupMs.push(performance.now() - t1);
  }

  const markWordMs: number[] = [];
  const story = storyWordList(benchAnnotation(0));
  for (let i = 0; i < 15; i++) {
    const t0 = performance.now();
    await setWordState(story.keys[i] ?? '', 'known', { storyId: story.storyId, segment: 0, at: Date.now() });
    markWordMs.push(performance.now() - t0);
  }
  // The story's tokens, as markStoryKnown reads its keys from them.
  const longStory = benchAnnotation(1);
  await db.annotations.put(longStory);
  const t0 = performance.now();
  await markStoryKnown(longStory.storyId);
  const markStoryMs = performance.now() - t0;
  await db.delete();
  return { readAndLookupMs, lookupMs, markWordMs, markStoryMs, storiesWithCoverage };
}

(window as unknown as { benchWords: typeof benchWords }).benchWords = benchWords;
document.title = 'ready';
