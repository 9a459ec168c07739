import { type FuriganaToken, placeFurigana, tokenizeFurigana, tokensFurigana } from './furigana';
import type { Reading } from './story';

/**
 * The learner's learning words as a text file Anki's File → Import takes with nothing to map
 * (issue 15): Anki's file headers name the separator, HTML, note type, deck and tags column, then
 * one note per line in the stock Basic note type — Front, Back, and tags in column 3.
 *
 * Re-importing must update, not duplicate: Anki matches an imported note to an existing one by its
 * first field. So the front is the word marked inside the sentence it was FIRST met in — firstSeen
 * never moves once set, so the same word gives the same front on every export. (Only if that story
 * is deleted does the front fall back to the word alone; a later import then adds a new note.)
 */
export const ANKI_DECK = 'Nihongo Monogatari';
export const ANKI_APP_TAG = 'nihongo-monogatari';

export interface AnkiCard {
  key: string;
  /** The dictionary form (食べる). */
  word: string;
  reading: string;
  meaning: string;
  /** The first-met sentence's text; empty when its story is gone. */
  sentence: string;
  /** The sentence's tokens when it has them, and which one is the word (-1: none). */
  tokens: readonly { surface: string; reading?: string }[];
  wordToken: number;
  /** The story's readings for the sentence, for furigana where tokens have none. */
  readings: readonly Reading[];
  translation: string;
  storyTitle: string;
  /** The story's level (N5…, Beginner…); empty when unknown. */
  level: string;
}

/** `nihongo-monogatari-anki-2025-03-14.txt` (UTC date, like the library backup's name). */
export function ankiFileName(now: number): string {
  return `nihongo-monogatari-anki-${new Date(now).toISOString().slice(0, 10)}.txt`;
}

/** The whole file: headers, then one line per card, each line ending in a newline. */
export function ankiFile(cards: readonly AnkiCard[], deck = ANKI_DECK): string {
  const headers = ['#separator:tab', '#html:true', '#notetype:Basic', `#deck:${oneLine(deck)}`, '#tags column:3'];
  const lines = cards.map((c) => [ankiFront(c), ankiBack(c), ankiTags(c)].map(ankiField).join('\t'));
  return `${[...headers, ...lines].join('\n')}\n`;
}

/** The front: the sentence as text with the word in bold (no furigana: the reading is the answer). */
export function ankiFront(card: AnkiCard): string {
  const marked = (before: string, word: string, after: string) => `${escapeHtml(before)}<b>${escapeHtml(word)}</b>${escapeHtml(after)}`;
  const { tokens, wordToken, sentence } = card;
  if (wordToken >= 0 && wordToken < tokens.length && tokens.map((t) => t.surface).join('') === sentence) {
    const text = (from: number, to: number) => tokens.slice(from, to).map((t) => t.surface).join('');
    return marked(text(0, wordToken), tokens[wordToken]?.surface ?? '', text(wordToken + 1, tokens.length));
  }
  const at = sentence.indexOf(card.word);
  if (sentence && at >= 0) return marked(sentence.slice(0, at), card.word, sentence.slice(at + card.word.length));
  return sentence ? `<b>${escapeHtml(card.word)}</b><br>${escapeHtml(sentence)}` : `<b>${escapeHtml(card.word)}</b>`;
}

/** The back: the word with its reading, its meaning, the sentence with furigana, its translation, the story. */
export function ankiBack(card: AnkiCard): string {
  const word = card.reading ? rubyHtml(placeFurigana(card.word, card.reading)) : escapeHtml(card.word);
  const sentence = card.tokens.length > 0 ? tokensFurigana(card.tokens, card.readings) : tokenizeFurigana(card.sentence, card.readings);
  const parts = [word, escapeHtml(card.meaning), rubyHtml(sentence), escapeHtml(card.translation)];
  if (card.storyTitle) parts.push(`<small>${escapeHtml(card.storyTitle)}</small>`);
  return parts.filter((p) => p !== '').join('<br>');
}

/** Tags are space-separated in Anki, so a tag itself never holds whitespace. */
export function ankiTags(card: AnkiCard): string {
  const level = card.level.trim().replace(/\s+/g, '_');
  return level ? `${ANKI_APP_TAG} ${level}` : ANKI_APP_TAG;
}

/**
 * One field as Anki's importer reads it (CSV rules with a tab separator): a field holding a tab, a
 * line break or a double quote is put in double quotes with inner quotes doubled. A field starting
 * with `#` is quoted too, or the importer would take its line for a comment.
 */
export function ankiField(text: string): string {
  return /[\t\n\r"]/.test(text) || text.startsWith('#') ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Model and story text goes in as text: `<`, `>` and `&` are escaped since the file says #html:true. */
export function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** Furigana as `<ruby>漢字<rt>かんじ</rt></ruby>`: stock Basic has no furigana filter. */
export function rubyHtml(tokens: readonly FuriganaToken[]): string {
  return tokens.map((t) => (t.kind === 'ruby' ? `<ruby>${escapeHtml(t.text)}<rt>${escapeHtml(t.reading)}</rt></ruby>` : escapeHtml(t.text))).join('');
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
