import { html, type TemplateResult } from 'lit';
import { tokenizeFurigana } from '../../domain/furigana';
import type { Reading } from '../../domain/story';

/**
 * A sentence as lit text nodes and `<ruby>` elements, never as an HTML string: model output can hold
 * markup, and here it always stays text.
 */
export function furiganaText(jp: string, readings: readonly Reading[], showFurigana: boolean): TemplateResult {
  if (!showFurigana) return html`${jp}`;
  return html`${tokenizeFurigana(jp, readings).map((t) =>
    t.kind === 'ruby' ? html`<ruby>${t.text}<rp>(</rp><rt>${t.reading}</rt><rp>)</rp></ruby>` : html`${t.text}`,
  )}`;
}
