import { STORY_N3 } from './story-n3';
import { STORY_N5 } from './story-n5';
import type { Content, RequestBody } from './types';
import { learnReading } from './words';

/**
 * The canned story answers and how the fake picks one from a prompt. The shape is the model output
 * the app asks for with structured output (DESIGN §2 core fields, without the app-side id/level/dates).
 */

export interface StoryReading {
  text: string;
  reading: string;
}

export interface StoryVocab {
  word: string;
  reading: string;
  meaning: string;
}

export interface GeneratedStory {
  titleJP: string;
  titleEN: string;
  excerpt: string;
  topic: string;
  content: { jp: string; readings: StoryReading[]; en: string; imagePrompt: string; vocab: StoryVocab[] }[];
  questions: { question: string; options: string[]; answer: number; explanation: string }[];
}

export { STORY_N3, STORY_N5 };

export type PromptLevel = 'N5' | 'N4' | 'N3' | 'N2' | 'N1' | 'Beginner' | 'Intermediate' | 'Advanced';

const LEVEL_WORD = /\b(N[1-5]|Beginner|Intermediate|Advanced)\b/;
// A "Level: N4" line is preferred over the first level word anywhere, because rule text in the
// prompt ("unlike N5, …") could otherwise mention another level first.
const LEVEL_LINE = /\bLevel:\s*(N[1-5]|Beginner|Intermediate|Advanced)\b/;
const TOPIC_LINE = /^[ \t]*Topic:[ \t]*(.+?)[ \t]*$/m;

function contentText(content: Content | string | undefined): string {
  if (typeof content === 'string') return content;
  return (content?.parts ?? []).map((p) => (typeof p.text === 'string' ? p.text : '')).join('\n');
}

/** The prompt as one text: the user turns first, then the system instruction. */
export function promptText(body: RequestBody | null): string {
  if (!body) return '';
  const turns = (body.contents ?? []).map((c) => contentText(c));
  return [...turns, contentText(body.systemInstruction)].join('\n');
}

export function levelFromPrompt(text: string): PromptLevel | undefined {
  const match = LEVEL_LINE.exec(text) ?? LEVEL_WORD.exec(text);
  return match?.[1] as PromptLevel | undefined;
}

export function topicFromPrompt(text: string): string | undefined {
  const topic = TOPIC_LINE.exec(text)?.[1];
  return topic ? topic : undefined;
}

/** Beginner/N5 (and a prompt naming no level) get the N5 story; every other level the N3-ish one. */
export function storyForLevel(level: PromptLevel | undefined): GeneratedStory {
  return level === undefined || level === 'N5' || level === 'Beginner' ? STORY_N5 : STORY_N3;
}

const LEARNING_BLOCK = /<learning-words>\n([\s\S]*?)\n<\/learning-words>/;

/** The learning words a story prompt asks for (issue 14): one JSON `[word, reading]` per line. */
export function learningWordsFromPrompt(text: string): StoryReading[] {
  const block = LEARNING_BLOCK.exec(text)?.[1] ?? '';
  return block
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as [string, string])
    .map(([text, reading]) => ({ text, reading }));
}

/**
 * The story with one more sentence that uses the first two learning words (those with a reading,
 * so every kanji stays covered), as a model asked to use them would. The fake's annotate answer
 * then reads them as those words, so the app can count them as used.
 */
function withLearningWords(story: GeneratedStory, words: readonly StoryReading[]): GeneratedStory {
  const used = words.filter((w) => w.reading !== '').slice(0, 2);
  if (used.length === 0) return story;
  for (const w of used) learnReading(w.text, w.reading);
  const jp = `かえりみちで、${used.map((w) => w.text).join('と')}のことをかんがえました。`;
  const sentence = {
    jp,
    readings: used.map((w) => ({ text: w.text, reading: w.reading })),
    en: `On the way home, I thought about ${used.map((w) => w.reading).join(' and ')}.`,
    imagePrompt: 'A child walking home at sunset, thinking, watercolor',
    vocab: used.map((w) => ({ word: w.text, reading: w.reading, meaning: 'a learning word' })),
  };
  return { ...story, content: [...story.content.slice(0, -1), sentence, ...story.content.slice(-1)] };
}

/**
 * The story the fake answers to this request: picked by level, with the requested topic filled in,
 * and using the learning words when the prompt carries some (a prompt without them gets the
 * fixture unchanged).
 */
export function storyForRequest(body: RequestBody | null): GeneratedStory {
  const text = promptText(body);
  const story = withLearningWords(storyForLevel(levelFromPrompt(text)), learningWordsFromPrompt(text));
  const topic = topicFromPrompt(text);
  return topic === undefined ? story : { ...story, topic };
}
