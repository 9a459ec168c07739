/**
 * The eight levels a story can carry. The older app also used Beginner / Intermediate / Advanced;
 * they are not separate curricula, so each borrows the rules of a JLPT level (DESIGN §2) instead of
 * the old literal "Same as N5 level" prompt text.
 */
export const JLPT_LEVELS = ['N5', 'N4', 'N3', 'N2', 'N1'] as const;
export const GENERAL_LEVELS = ['Beginner', 'Intermediate', 'Advanced'] as const;
export const LEVELS = [...JLPT_LEVELS, ...GENERAL_LEVELS] as const;

export type JlptLevel = (typeof JLPT_LEVELS)[number];
export type Level = (typeof LEVELS)[number];

const RULES_LEVEL: Record<Level, JlptLevel> = {
  N5: 'N5',
  N4: 'N4',
  N3: 'N3',
  N2: 'N2',
  N1: 'N1',
  Beginner: 'N5',
  Intermediate: 'N3',
  Advanced: 'N1',
};

/** The JLPT level whose rules a level uses for prompts and difficulty. */
export function rulesLevel(level: Level): JlptLevel {
  return RULES_LEVEL[level];
}

/** 1 (easiest, N5) … 5 (hardest, N1); used to sort by difficulty. */
export function difficultyRank(level: Level): number {
  return JLPT_LEVELS.indexOf(rulesLevel(level)) + 1;
}

export const STORY_LENGTHS = ['short', 'medium', 'long'] as const;
export type StoryLength = (typeof STORY_LENGTHS)[number];

/** Sentence count targets per length (DESIGN §2). */
export const LENGTH_SENTENCES: Record<StoryLength, { min: number; max: number }> = {
  short: { min: 5, max: 7 },
  medium: { min: 10, max: 12 },
  long: { min: 18, max: 22 },
};

export interface LevelRules {
  grammar: string;
  vocabulary: string;
  sentenceLength: string;
  kanji: string;
}

/** Prompt rules per JLPT level; Beginner/Intermediate/Advanced resolve through rulesLevel(). */
export const LEVEL_RULES: Record<JlptLevel, LevelRules> = {
  N5: {
    grammar: 'です/ます form only; present and past; particles は が を に で へ と も; 〜たい; simple questions with か.',
    vocabulary: 'About 800 of the most common everyday words (family, food, time, places, daily actions).',
    sentenceLength: 'Short sentences of 5–12 words, one clause each.',
    kanji: 'Only about 100 N5 kanji (日 月 人 山 水 学 生 先 年 …); write everything else in kana.',
  },
  N4: {
    grammar: 'Add て-form chains, 〜ている, 〜たことがある, 〜から/〜ので, 〜と思う, potential form, simple conditionals (〜たら).',
    vocabulary: 'About 1,500 common words.',
    sentenceLength: 'Sentences of up to 15 words, at most two clauses.',
    kanji: 'About 300 N4 kanji; uncommon words in kana.',
  },
  N3: {
    grammar: 'Plain and polite styles, passive and causative, 〜ようにする, 〜ばかり, 〜はず, 〜らしい, relative clauses.',
    vocabulary: 'About 3,700 words, including common abstract nouns.',
    sentenceLength: 'Sentences of up to 25 words with two or three clauses.',
    kanji: 'About 650 common kanji.',
  },
  N2: {
    grammar: 'Written style, 〜にもかかわらず, 〜ものの, 〜に対して, 〜わけではない, keigo in dialogue.',
    vocabulary: 'About 6,000 words, including news and workplace vocabulary.',
    sentenceLength: 'Natural written sentences of any length a newspaper column would use.',
    kanji: 'About 1,000 kanji (most jōyō kanji used in daily writing).',
  },
  N1: {
    grammar: 'Full literary and formal grammar, 〜をもって, 〜ならでは, 〜といえども, nuanced sentence-final forms.',
    vocabulary: 'About 10,000 words, including idioms and literary expressions.',
    sentenceLength: 'Complex, literary sentences.',
    kanji: 'All jōyō kanji as a native writer would use them.',
  },
};
