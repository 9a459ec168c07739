import { html, nothing, type TemplateResult } from 'lit';
import { tokenizeFurigana, tokensFurigana } from '../../domain/furigana';
import { kanaRuns, kanaToRomaji } from '../../domain/romaji';
import type { Reading } from '../../domain/story';
import type { Token } from '../../domain/tokens';

/**
 * A sentence as lit text nodes and `<ruby>` elements, never as an HTML string: model output can hold
 * markup, and here it always stays text. With the sentence's tokens (stored ones add up to `jp`),
 * each word's own reading is used, placed over its kanji only. Every run of kana carries its romaji
 * as a hover hint (the older app's kana tooltip), with or without furigana.
 */
export function furiganaText(jp: string, readings: readonly Reading[], showFurigana: boolean, tokens?: readonly Token[] | null): TemplateResult {
  if (!showFurigana) return withRomaji(jp);
  const parts = tokens?.length ? tokensFurigana(tokens, readings) : tokenizeFurigana(jp, readings);
  return html`${parts.map((t) =>
    t.kind === 'ruby' ? html`<ruby>${t.text}<rp>(</rp><rt>${t.reading}</rt><rp>)</rp></ruby>` : withRomaji(t.text),
  )}`;
}

/** One word of a sentence (sentence-words.ts): furigana from its own reading, over its kanji runs only. */
export function wordFurigana(token: Token, readings: readonly Reading[], showFurigana: boolean): TemplateResult {
  if (!showFurigana) return withRomaji(token.surface);
  return html`${tokensFurigana([token], readings).map((t) =>
    t.kind === 'ruby' ? html`<ruby>${t.text}<rp>(</rp><rt>${t.reading}</rt><rp>)</rp></ruby>` : withRomaji(t.text),
  )}`;
}

function withRomaji(text: string): TemplateResult {
  return html`${kanaRuns(text).map((run) => (run.kana ? html`<span class="kana" title=${kanaToRomaji(run.text)}>${run.text}</span>` : run.text || nothing))}`;
}
