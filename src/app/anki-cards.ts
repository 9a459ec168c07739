import { getAnnotation } from '../db/annotations-repo';
import { getDb } from '../db/database';
import { getStory } from '../db/stories-repo';
import { type AnkiCard, ankiFile, ankiFileName } from '../domain/anki-export';
import type { Annotation } from '../domain/annotations';
import type { Story } from '../domain/story';
import type { Token } from '../domain/tokens';
import type { WordEntry } from '../domain/words';
import { tokenWordKey } from '../domain/words-running';

/**
 * The Anki cards for the words the learner is learning (issue 15): each from the sentence the word
 * was first met in (firstSeen, which never moves, so a word's front stays the same across exports
 * and re-importing updates the note). Meaning: the word's token gloss there, else the sentence's
 * vocab entry, else empty. A word whose story is gone still exports, with its word and reading.
 */
export async function learningAnkiCards(): Promise<AnkiCard[]> {
  const words = await getDb().words.where('state').equals('learning').toArray();
  // Oldest first, the key breaking ties, so the file's order never shuffles between exports.
  words.sort((a, b) => a.firstSeen.at - b.firstSeen.at || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const stories = new Map<string, Promise<[Story | undefined, Annotation | undefined]>>();
  const storyOf = (id: string) => {
    let found = stories.get(id);
    if (!found) {
      found = Promise.all([getStory(id), getAnnotation(id)]);
      stories.set(id, found);
    }
    return found;
  };
  const cards: AnkiCard[] = [];
  for (const word of words) {
    const [story, annotation] = await storyOf(word.firstSeen.storyId);
    cards.push(cardFor(word, story, annotation));
  }
  return cards;
}

/** How many words an Anki export would hold (the button is disabled at none). */
export function countLearningWords(): Promise<number> {
  return getDb().words.where('state').equals('learning').count();
}

/**
 * Builds the Anki file and downloads it, as the library backup is downloaded; returns its name and
 * how many cards it holds.
 */
export async function downloadAnkiFile(doc: Document = document, now = Date.now()): Promise<{ fileName: string; count: number }> {
  const cards = await learningAnkiCards();
  const fileName = ankiFileName(now);
  const url = URL.createObjectURL(new Blob([ankiFile(cards)], { type: 'text/plain;charset=utf-8' }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  doc.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // Revoking at once can cancel the download in some browsers; a minute is plenty.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
  return { fileName, count: cards.length };
}

/** One word's card content from the sentence it was first met in (the Review page shows the same). */
export function cardFor(word: WordEntry, story: Story | undefined, annotation: Annotation | undefined): AnkiCard {
  const segment = story?.content[word.firstSeen.segment];
  const card: AnkiCard = {
    key: word.key, word: word.base, reading: word.reading, meaning: '', sentence: '', tokens: [], wordToken: -1,
    readings: [], translation: '', storyTitle: '', level: '',
  };
  if (!story || !segment) return card;
  const tokens: readonly Token[] = annotation?.segments[word.firstSeen.segment] ?? [];
  const wordToken = tokens.findIndex((t) => tokenWordKey(t) === word.key);
  const vocab = segment.vocab.find((v) => v.word === word.base || v.word === tokens[wordToken]?.surface);
  return {
    ...card,
    meaning: tokens[wordToken]?.gloss || vocab?.meaning || '',
    sentence: segment.jp,
    tokens,
    wordToken,
    readings: segment.readings,
    translation: segment.en,
    storyTitle: story.titleJP,
    level: story.level,
  };
}
