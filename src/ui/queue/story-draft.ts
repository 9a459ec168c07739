import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import { type StoryInProgress, storyInProgress } from '../../db/drafts-repo';
import { loadSettings } from '../../db/settings-repo';
import { furiganaModeOf } from '../../domain/settings-options';
import type { DraftSentence } from '../../domain/story-draft';
import { LiveQueryController } from '../live-query-controller';
import { furiganaText } from '../reader/furigana-text';
import { KanaHint } from '../reader/kana-hint';
import { sharedStyles } from '../shared-styles';

/** How often, at most, the Reader tells a screen reader how far the writing is. */
const ANNOUNCE_EVERY_MS = 5_000;
/** The Queue row shows the newest sentences only; the Reader shows them all. */
const ROW_SENTENCES = 3;

/**
 * `<nm-story-draft story-id=… variant="row|page">`: a story still being written, live from the
 * `drafts` table (issue 12) — its title and the sentences so far, with furigana, as lit text (model
 * output is never HTML). In the Queue row (`row`) the newest few; in the Reader (`page`) all of
 * them. When there is no story job behind the id, the page variant shows its slotted fallback (the
 * Reader's "Story not found").
 *
 * Not a live region: a screen reader is not read every sentence as it lands. The page variant has
 * one polite status, "Writing: 3 sentences so far", changed at most every 5 s; the Queue has its
 * own announcer, which deliberately does not speak sentence counts.
 */
export class NmStoryDraft extends LitElement {
  static override properties = { storyId: { type: String, attribute: 'story-id' }, variant: { type: String } };
  declare storyId: string;
  declare variant: 'row' | 'page';

  static override styles = [
    sharedStyles,
    css`
      :host { display: block; }
      .draft-title { font-weight: 700; margin: 0; overflow-wrap: anywhere; }
      ol { margin: 0.3rem 0 0; padding-inline-start: 1.4rem; display: grid; gap: 0.3rem; }
      li { overflow-wrap: anywhere; }
      :host([variant='page']) ol { gap: 0.8rem; font-size: 1.15rem; line-height: 2.1; }
      h1 .en { display: block; font-size: 1rem; font-weight: 400; }
    `,
  ];

  private readonly progress = new LiveQueryController<StoryInProgress>(this, () => storyInProgress(this.storyId));
  private readonly settings = new LiveQueryController(this, loadSettings);
  /** The romaji of the kana under the mouse, as in the Reader. */
  readonly kanaHint = new KanaHint(this);
  private announced = '';
  private announcedAt = Number.NEGATIVE_INFINITY;

  constructor() {
    super();
    this.storyId = '';
    this.variant = 'row';
  }

  override updated(changed: Map<string, unknown>): void {
    if (changed.has('storyId') && changed.get('storyId') !== undefined) this.progress.refresh();
  }

  /** The polite status text, changed only every ANNOUNCE_EVERY_MS so it is said, not chattered. */
  private announcement(count: number): string {
    const next = `Writing: ${count} ${count === 1 ? 'sentence' : 'sentences'} so far`;
    const now = Date.now();
    if (next !== this.announced && now - this.announcedAt >= ANNOUNCE_EVERY_MS) {
      this.announced = next;
      this.announcedAt = now;
    }
    return this.announced;
  }

  override render(): TemplateResult | typeof nothing {
    if (!this.progress.loaded) return nothing;
    const p = this.progress.value ?? { state: 'none' };
    if (this.variant === 'row') return p.state === 'writing' && p.draft ? this.renderRow(p.draft.titleJP, p.draft.sentences) : html``;
    if (p.state === 'none') return html`<slot></slot>`;
    if (p.state === 'waiting') {
      return html`<h1>This story is on its way</h1><p>It is waiting in the <a href="/queue">queue</a>; its sentences appear here as Gemini writes them.</p>`;
    }
    const draft = p.draft;
    const count = draft?.sentences.length ?? 0;
    return html`<article data-testid="story-draft" lang="en">
      <h1>${draft ? html`<span class="jp" lang="ja">${draft.titleJP}</span>${draft.titleEN ? html`<span class="en">${draft.titleEN}</span>` : nothing}` : 'Writing your story…'}</h1>
      <p class="muted">Being written — ${count} ${count === 1 ? 'sentence' : 'sentences'} so far. The story opens here when it is done.</p>
      <p class="visually-hidden" role="status">${this.announcement(count)}</p>
      ${draft ? this.renderSentences(draft.sentences) : nothing}
    </article>`;
  }

  private renderRow(title: string, sentences: readonly DraftSentence[]): TemplateResult {
    const shown = sentences.slice(-ROW_SENTENCES);
    const earlier = sentences.length - shown.length;
    return html`<div data-testid="story-draft">
      <p class="draft-title" lang="ja">${title}</p>
      ${earlier > 0 ? html`<p class="muted">…${earlier} earlier ${earlier === 1 ? 'sentence' : 'sentences'}</p>` : nothing}
      ${this.renderSentences(shown, earlier + 1)}
    </div>`;
  }

  private renderSentences(sentences: readonly DraftSentence[], start = 1): TemplateResult {
    // A draft has no stored words to know yet: "words not known" shows them all.
    const furigana = furiganaModeOf(this.settings.value ?? {}) !== 'none';
    return html`<ol start=${start} lang="ja" data-kana-hint>${sentences.map((s) => html`<li>${furiganaText(s.jp, s.readings, furigana)}</li>`)}</ol>`;
  }
}

customElements.define('nm-story-draft', NmStoryDraft);
declare global {
  interface HTMLElementTagNameMap { 'nm-story-draft': NmStoryDraft }
}
