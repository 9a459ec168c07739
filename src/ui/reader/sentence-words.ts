import { html, type TemplateResult } from 'lit';
import type { Reading, Segment } from '../../domain/story';
import type { Token } from '../../domain/tokens';
import { tokensText } from '../../domain/tokens-text';
import { segmentSentence } from '../../domain/tokens-segment';
import { tokenWordKey } from '../../domain/words-running';
import { wordFurigana } from './furigana-text';
import { rovingTabindex } from './roving-focus';
import type { WordLook } from './word-look';

/** One piece of a sentence: a word the learner can open (`word` is its stop index) or punctuation. */
export interface SentenceWord {
  token: Token;
  /** Index among the sentence's word stops; null for punctuation and spaces, which are not stops. */
  word: number | null;
  /** The word's key in the words store (dictionary form + reading); null where `word` is. */
  key: string | null;
}

export interface SentenceWords {
  words: readonly SentenceWord[];
  /** How many word stops the sentence has. */
  stops: number;
  /** True when the words come from the device's segmentation, not from stored tokens. */
  onDevice: boolean;
}

/** Punctuation, symbols and spaces only: 。、「」！ and the like are shown, never opened. */
const NOT_A_WORD = /^[\p{P}\p{S}\p{Z}\s]+$/u;

/**
 * A sentence's words: its stored tokens when they add up to the sentence as it stands (an edited
 * story keeps its words only where they still fit), otherwise the on-device segmentation.
 */
export function sentenceWords(segment: Pick<Segment, 'jp' | 'readings' | 'vocab'>, stored: readonly Token[] | null | undefined): SentenceWords {
  const fits = !!stored?.length && tokensText(stored) === segment.jp;
  const tokens = fits && stored ? stored : segmentSentence(segment);
  let stops = 0;
  const words = tokens.map((token): SentenceWord => {
    if (NOT_A_WORD.test(token.surface)) return { token, word: null, key: null };
    return { token, word: stops++, key: tokenWordKey(token) };
  });
  return { words, stops, onDevice: !fits };
}

/** Where word stop `word` starts in the sentence, in UTF-16 units (0 when there is no such stop). */
export function offsetOfWord(sentence: SentenceWords, word: number): number {
  let offset = 0;
  for (const w of sentence.words) {
    if (w.word === word) return offset;
    offset += w.token.surface.length;
  }
  return 0;
}

/** The word that covers `offset` in the sentence (a word stop or punctuation), if any. */
export function wordAtOffset(sentence: SentenceWords, offset: number): SentenceWord | undefined {
  let start = 0;
  for (const w of sentence.words) {
    const end = start + w.token.surface.length;
    if (offset >= start && offset < end) return w;
    start = end;
  }
  return undefined;
}

/**
 * The sentence as word elements: each word a `role="button"` span named by the word as written. Its
 * visible text is hidden from screen readers (its furigana would be read too, and Chromium names a
 * <ruby> with a space after it: 行 きました), and a hidden copy of the word names it instead (not an
 * aria-label, which axe rightly finds does not match the visible text with its furigana).
 * Furigana over the word's own kanji only, where `look` says so (the furigana mode and what the
 * learner knows); a word being learnt is underlined, dotted (not by colour alone).
 * Spans, not buttons: the text flows and breaks exactly as plain text did, so nothing moves.
 */
export function renderSentenceWords(
  sentence: SentenceWords,
  segment: number,
  current: number,
  readings: readonly Reading[],
  look: (key: string) => WordLook,
): TemplateResult {
  return html`${sentence.words.map(({ token, word, key }) => {
    if (word === null || key === null) return token.surface;
    const { furigana, learning } = look(key);
    return html`<span class=${learning ? 'word learning' : 'word'} role="button" aria-haspopup="dialog" data-segment=${segment} data-word=${word}
          data-key=${key} tabindex=${rovingTabindex(word, current, sentence.stops)}>${wordText(token, readings, furigana)}</span>`;
  })}`;
}

/**
 * The same word elements with nothing to open or focus: the prerendered first screen's
 * (scripts/build/prerendered-reader.ts). Element for element what renderSentenceWords draws, so
 * the text the live page draws over it has the same boxes and the same painted size.
 */
export function renderStillSentenceWords(sentence: SentenceWords, readings: readonly Reading[], look: (key: string) => WordLook): TemplateResult {
  return html`${sentence.words.map(({ token, key }) => {
    if (key === null) return token.surface;
    const { furigana, learning } = look(key);
    return html`<span class=${learning ? 'word learning' : 'word'}>${wordText(token, readings, furigana)}</span>`;
  })}`;
}

function wordText(token: Token, readings: readonly Reading[], furigana: boolean): TemplateResult {
  return html`<span aria-hidden="true">${wordFurigana(token, readings, furigana)}</span><span class="word-name">${token.surface}</span>`;
}

/**
 * The same sentence as text only: the furigana and the underline it has as word elements, and
 * nothing to open or focus. Sets exactly like renderSentenceWords (a word element adds no box, and
 * its hidden name is out of the flow), so a sentence drawn like this first and as words a moment
 * later does not move (sentence-batches.ts).
 */
export function renderPlainSentence(sentence: SentenceWords, readings: readonly Reading[], look: (key: string) => WordLook): TemplateResult {
  // Neighbouring plain text goes in as one string: lit gives every item of a list its own markers.
  const parts: (string | TemplateResult)[] = [];
  for (const { token, key } of sentence.words) {
    const { furigana, learning } = key === null ? { furigana: false, learning: false } : look(key);
    const text = wordFurigana(token, readings, furigana);
    const part = learning ? html`<span class="learning">${text}</span>` : text;
    const last = parts.length - 1;
    if (typeof part === 'string' && typeof parts[last] === 'string') parts[last] += part;
    else parts.push(part);
  }
  return html`${parts}`;
}
