import { css, html, LitElement, type TemplateResult, unsafeCSS } from 'lit';
import { afterNextPaint, pageShown } from '../../app/first-paint';
import { type LibraryView, loadLibraryView, saveLibraryView } from '../../app/library-view';
import { type CardFacts, loadCardFacts, loadCoverage, NO_CARD_FACTS } from '../../db/card-facts';
import { firstLibraryPage, listSummaries } from '../../db/stories-repo';
import { LEVELS } from '../../domain/levels';
import {
  DEFAULT_LIBRARY_QUERY,
  LIBRARY_SORTS,
  type LibraryQuery,
  queryLibrary,
} from '../../domain/library-query';
import type { StorySummary } from '../../domain/summary';
import type { Coverage } from '../../domain/words-coverage';
import { LiveQueryController } from '../live-query-controller';
import { readFailure } from '../load-error';
import { sharedStyles } from '../shared-styles';
import { storyCard, storyCardStyles } from '../story-card';
import { openWriteStory } from '../write/open-write-story';
import { emptyResultText } from './library-empty';

/** Rendering every card of a large library would cost more than the budget; show pages of this many. */
const PAGE_SIZE = 48;

const SORT_LABELS: Record<(typeof LIBRARY_SORTS)[number], string> = {
  newest: 'Newest first',
  oldest: 'Oldest first',
  easiest: 'Easiest first',
  hardest: 'Hardest first',
  best: 'Best for me',
};

/**
 * `<nm-library-page>`: search (Japanese and English), filter by any of the eight levels, sort.
 * Works on summaries held in memory; marks `library:rendered` for the benchmark.
 */
export class NmLibraryPage extends LitElement {
  static override properties = { query: { state: true }, shown: { state: true }, view: { state: true } };
  declare query: LibraryQuery;
  declare shown: number;
  declare view: LibraryView;

  static override styles = [
    sharedStyles,
    unsafeCSS(storyCardStyles),
    css`
      form { display: flex; flex-wrap: wrap; gap: 0.75rem; margin-bottom: 1rem; align-items: flex-end; }
      form label { flex: 1 1 10rem; }
      form label.search { flex: 3 1 16rem; }
      input, select { width: 100%; }
      .count { margin: 0 0 0.75rem; }
      .more { margin: 1rem auto; display: flex; }
      .bar { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; justify-content: space-between; margin-bottom: 0.75rem; }
      .bar .count { margin: 0; }
      .views { display: flex; gap: 0.25rem; }
      .empty { display: grid; gap: 0.5rem; justify-items: start; }
      .empty p { margin: 0; }
      .empty .row { display: flex; flex-wrap: wrap; gap: 0.5rem; }
    `,
  ];

  /**
   * The newest page paints first (a short cursor read); the whole list, needed for search, filters
   * and other sorts, follows. With thousands of stories the first paint does not wait for it.
   */
  private readonly firstPage = new LiveQueryController(this, () => firstLibraryPage(PAGE_SIZE), () => {
    // Started once the first page is on screen, so their larger reads and redraw do not come before it.
    void afterNextPaint().then(() => {
      this.summaries.start();
      this.coverage.start();
    });
  });
  private readonly summaries = new LiveQueryController<StorySummary[]>(
    this,
    listSummaries,
    () => {
      if (!performance.getEntriesByName('library:all-loaded').length) performance.mark('library:all-loaded');
    },
    true,
  );
  /** Progress and media of every story, for the cards; cards render without them until they arrive. */
  private readonly facts = new LiveQueryController<CardFacts>(this, loadCardFacts);
  /** What the learner knows of each story (issue 14): shown on the cards, and the "Best for me" order. */
  private readonly coverage = new LiveQueryController<Map<string, Coverage>>(this, loadCoverage, undefined, true);
  private renderedOnce = false;

  constructor() {
    super();
    this.query = { ...DEFAULT_LIBRARY_QUERY };
    this.shown = PAGE_SIZE;
    this.view = loadLibraryView();
    performance.mark('library:start');
  }

  private update_(patch: Partial<LibraryQuery>): void {
    this.query = { ...this.query, ...patch };
    this.shown = PAGE_SIZE;
  }

  private setView(view: LibraryView): void {
    this.view = view;
    saveLibraryView(view);
  }

  protected override updated(): void {
    if (!this.renderedOnce && (this.summaries.loaded || this.firstPage.loaded)) {
      this.renderedOnce = true;
      performance.mark('library:rendered');
      pageShown();
    }
  }

  /** Results for the current query: from the full list once loaded, else from the first page. */
  private results(): { items: StorySummary[]; total: number } | undefined {
    const all = this.summaries.value;
    if (all) return { items: queryLibrary(all, this.query, this.coverage.value), total: all.length };
    const first = this.firstPage.value;
    const isDefault = this.query.search === '' && this.query.level === 'all' && this.query.sort === 'newest';
    return first && isDefault ? { items: first.items, total: first.total } : undefined;
  }

  override render(): TemplateResult {
    const failure = readFailure('your library', this.firstPage, this.summaries);
    if (failure) return html`<h1>Library</h1>${failure}`;
    const view = this.results();
    const results = view?.items ?? [];
    const matching = this.summaries.value ? results.length : view?.total ?? 0;
    return html`
      <h1>Library</h1>
      <form role="search" @submit=${(e: Event) => e.preventDefault()}>
        <label class="search">Search
          <input type="search" name="search" .value=${this.query.search} placeholder="猫, cat, 学校…" autocomplete="off"
            @input=${(e: InputEvent) => this.update_({ search: (e.target as HTMLInputElement).value })} />
        </label>
        <label>Level
          <select name="level" @change=${(e: Event) => this.update_({ level: (e.target as HTMLSelectElement).value as LibraryQuery['level'] })}>
            <option value="all" ?selected=${this.query.level === 'all'}>All levels</option>
            ${LEVELS.map((l) => html`<option value=${l} ?selected=${this.query.level === l}>${l}</option>`)}
          </select>
        </label>
        <label>Sort
          <select name="sort" @change=${(e: Event) => this.update_({ sort: (e.target as HTMLSelectElement).value as LibraryQuery['sort'] })}>
            ${LIBRARY_SORTS.map((s) => html`<option value=${s} ?selected=${this.query.sort === s}>${SORT_LABELS[s]}</option>`)}
          </select>
        </label>
      </form>
      ${view === undefined ? html`<p class="muted">Loading…</p>` : this.renderResults(results, matching, view.total)}
    `;
  }

  /** The bar's "Write a story" (the older app's): the next story is one press away; an empty result offers its own. */
  private renderResults(results: StorySummary[], matching: number, total: number): TemplateResult {
    const facts = { ...(this.facts.value ?? NO_CARD_FACTS), coverage: this.coverage.value ?? NO_CARD_FACTS.coverage };
    return html`<div class="bar">
        <p class="count muted" role="status">${matching} of ${total} stories</p>
        <div class="views" role="group" aria-label="Show stories as">
          ${(['grid', 'list'] as const).map((v) => html`<button type="button" aria-pressed=${this.view === v ? 'true' : 'false'}
            @click=${() => this.setView(v)}>${v === 'grid' ? 'Grid' : 'List'}</button>`)}
        </div>
        ${results.length ? html`<button class="primary" @click=${() => void openWriteStory()}>Write a story</button>` : null}
      </div>
      ${results.length
        ? html`<ul class="stories ${this.view}">${results.slice(0, this.shown).map((s) => storyCard(s, facts))}</ul>`
        : this.renderEmpty(total)}
      ${matching > this.shown
        ? html`<button class="more" @click=${() => { this.shown += PAGE_SIZE; }}>Show ${Math.min(PAGE_SIZE, matching - this.shown)} more</button>`
        : null}`;
  }

  /** No match: say which filter excluded everything, and offer to have the story written. */
  private renderEmpty(total: number): TemplateResult {
    const topic = this.query.search.trim();
    return html`<div class="empty card">
      <p>${emptyResultText(this.query, total)}</p>
      <div class="row">
        <button class="primary" @click=${() => void openWriteStory(topic ? { topic } : {})}>${topic ? `Write a story about “${topic}”` : 'Write a story'}</button>
        ${this.query.level !== 'all' || topic
          ? html`<button @click=${() => this.update_({ search: '', level: 'all' })}>Show all stories</button>`
          : null}
      </div>
    </div>`;
  }
}

customElements.define('nm-library-page', NmLibraryPage);
declare global {
  interface HTMLElementTagNameMap { 'nm-library-page': NmLibraryPage }
}
