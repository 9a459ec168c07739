import { html, type TemplateResult } from 'lit';

/**
 * The top of Home — its title and the "Write a story" card — in one place with two users: the live
 * page (home-page.ts) and the build, which prerenders it into the HTML served for `/`
 * (scripts/build/prerender-shell.ts), so a first visit paints Home's largest text before any script.
 * Only constants and the learner's "has a key" go in: nothing here comes from the library.
 */
/** Its Japanese marked as such: read in a Japanese voice, and set in the Japanese fonts rather than
 *  found by a fallback lookup per character (a third of the first layout's time on Linux). */
export const HOME_TITLE = html`<span lang="ja">ようこそ</span> · Welcome`;

export interface WriteCardOptions {
  hasKey: boolean;
  /** Absent in the prerendered copy: its button is drawn disabled until the app can act on it. */
  onWrite?: () => void;
}

export function renderWriteCard({ hasKey, onWrite }: WriteCardOptions): TemplateResult {
  return html`<section class="write card" aria-labelledby="write-h">
    <h2 id="write-h">Read graded Japanese stories</h2>
    <p>With furigana and translations, online or offline. Gemini writes new ones at your level, on any topic you like.</p>
    <p class="write-row">
      <button class="primary" @click=${() => onWrite?.()} ?disabled=${!onWrite} aria-describedby="write-hint">Write a story</button>
      <span id="write-hint" class="muted">${hasKey
        ? 'Pick a topic and a level; it is written in the background.'
        : 'First you will need a free Gemini API key — the next step shows where to get one.'}</span>
    </p>
  </section>`;
}

/** What the HTML for `/` holds before any script: a first visit's Home top (no key yet). */
export function renderPrerenderedHomeTop(): TemplateResult {
  return html`<h1>${HOME_TITLE}</h1>${renderWriteCard({ hasKey: false })}`;
}
