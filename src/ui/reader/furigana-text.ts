import { html, type TemplateResult } from 'lit';
import { tokenizeFurigana, tokensFurigana } from '../../domain/furigana';
import type { Reading } from '../../domain/story';
import type { Token } from '../../domain/tokens';

/**
 * A sentence as lit text nodes and `<ruby>` elements, never as an HTML string: model output can hold
 * markup, and here it always stays text. With the sentence's tokens (stored ones add up to `jp`),
 * each word's own reading is used, placed over its kanji only. Kana stay plain text: their romaji
 * hint on hover is looked up under the pointer (kana-hint.ts), not kept in an element per run.
 */
export function furiganaText(jp: string, readings: readonly Reading[], showFurigana: boolean, tokens?: readonly Token[] | null): TemplateResult | string {
  if (!showFurigana) return jp;
  const parts = tokens?.length ? tokensFurigana(tokens, readings) : tokenizeFurigana(jp, readings);
  return html`${parts.map((t) =>
    t.kind === 'ruby' ? html`<ruby>${t.text}<rp>(</rp><rt>${t.reading}</rt><rp>)</rp></ruby>` : t.text,
  )}`;
}

/** One word of a sentence (sentence-words.ts): furigana from its own reading, over its kanji runs only. */
export function wordFurigana(token: Token, readings: readonly Reading[], showFurigana: boolean): TemplateResult | string {
  if (!showFurigana) return token.surface;
  const parts = tokensFurigana([token], readings);
  // A word without kanji is its text: no template of its own to build.
  if (!parts.some((t) => t.kind === 'ruby')) return token.surface;
  return html`${parts.map((t) =>
    t.kind === 'ruby' ? html`<ruby>${t.text}<rp>(</rp><rt>${t.reading}</rt><rp>)</rp></ruby>` : t.text,
  )}`;
}
