import { describe, expect, it } from 'vitest';
import { learningAnkiCards } from '../../../src/app/anki-cards';
import { putStories } from '../../../src/db/stories-repo';
import { ankiFile } from '../../../src/domain/anki-export';
import { SAMPLE_ANNOTATIONS } from '../../../src/domain/samples/sample-annotations';
import { SAMPLE_N5 } from '../../../src/domain/samples/sample-n5';
import type { WordEntry } from '../../../src/domain/words';
import type { WordState } from '../../../src/domain/words-key';
import { useTestDb } from '../../support/test-db';

const db = useTestDb();
const T0 = Date.UTC(2026, 0, 1);

function entry(key: string, state: WordState, storyId: string, segment: number, at: number): WordEntry {
  const [base = '', reading = ''] = key.split('|');
  return { key, base, reading, state, firstSeen: { storyId, segment, at }, updatedAt: at };
}

async function seedN5(): Promise<void> {
  await putStories([SAMPLE_N5]);
  const annotation = SAMPLE_ANNOTATIONS.find((a) => a.storyId === SAMPLE_N5.id);
  if (!annotation) throw new Error('the N5 sample has no annotation');
  await db().annotations.put(annotation);
}

describe('learningAnkiCards', () => {
  it('makes a card for each learning word from the sentence it was first met in, oldest first', async () => {
    await seedN5();
    await db().words.bulkPut([
      entry('食べる|たべる', 'learning', SAMPLE_N5.id, 3, T0 + 2),
      entry('山|やま', 'learning', SAMPLE_N5.id, 1, T0 + 1),
      entry('今日|きょう', 'known', SAMPLE_N5.id, 0, T0),
    ]);
    const cards = await learningAnkiCards();
    expect(cards.map((c) => c.key)).toEqual(['山|やま', '食べる|たべる']);
    const eat = cards[1];
    expect(eat).toMatchObject({ word: '食べる', reading: 'たべる', meaning: 'ate', sentence: SAMPLE_N5.content[3]?.jp, translation: SAMPLE_N5.content[3]?.en, storyTitle: '日曜日の山', level: 'N5' });
    // The front marks the word as it stands in that sentence (食べました), not its dictionary form.
    expect(ankiFile(cards)).toContain('<b>食べました</b>');
  });

  it('takes the meaning from the sentence vocab when the story has no tokens yet', async () => {
    await putStories([SAMPLE_N5]);
    await db().words.put(entry('日曜日|にちようび', 'learning', SAMPLE_N5.id, 0, T0));
    const [card] = await learningAnkiCards();
    expect(card).toMatchObject({ meaning: 'Sunday', sentence: '今日は日曜日です。', wordToken: -1 });
    expect(ankiFile(await learningAnkiCards())).toContain('今日は<b>日曜日</b>です。');
  });

  it('still exports a word whose story is gone, with its word and reading and no sentence', async () => {
    await db().words.put(entry('学校|がっこう', 'learning', crypto.randomUUID(), 2, T0));
    expect(await learningAnkiCards()).toEqual([
      { key: '学校|がっこう', word: '学校', reading: 'がっこう', meaning: '', sentence: '', tokens: [], wordToken: -1, readings: [], translation: '', storyTitle: '', level: '' },
    ]);
  });

  it('gives nothing when no word is being learned', async () => {
    await db().words.put(entry('山|やま', 'known', SAMPLE_N5.id, 1, T0));
    expect(await learningAnkiCards()).toEqual([]);
  });
});
