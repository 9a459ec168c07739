import { html, LitElement, type TemplateResult } from 'lit';
import { afterNextPaint, pageShown } from '../../app/first-paint';
import { type LibraryView, loadLibraryView, saveLibraryView } from '../../app/library-view';
import { type CardFacts, loadCardFacts, loadCoverage, NO_CARD_FACTS } from '../../db/card-facts';
import { firstLibraryPage, listSummaries } from '../../db/stories-repo';
import { DEFAULT_LIBRARY_QUERY, type LibraryQuery, queryLibrary } from '../../domain/library-query';
import type { StorySummary } from '../../domain/summary';
import type { Coverage } from '../../domain/words-coverage';
import { LiveQueryController } from '../live-query-controller';
import { readFailure } from '../load-error';
import { sharedStyles } from '../shared-styles';
import { openWriteStory } from '../write/open-write-story';
import { type LibraryActions, LIBRARY_PAGE_SIZE, renderLibraryScreen } from './library-screen';
import { libraryStyles } from './library-styles';

const PAGE_SIZE = LIBRARY_PAGE_SIZE;

/**
 * `<nm-library-page>`: search (Japanese and English), filter by any of the eight levels, sort.
 * Works on summaries held in memory; marks `library:rendered` for the benchmark.
 */
export class NmLibraryPage extends LitElement {
  static override properties = { query: { state: true }, shown: { state: true }, view: { state: true } };
  declare query: LibraryQuery;
  declare shown: number;
  declare view: LibraryView;

  static override styles = [sharedStyles, libraryStyles];

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
    const facts = { ...(this.facts.value ?? NO_CARD_FACTS), coverage: this.coverage.value ?? NO_CARD_FACTS.coverage };
    const results = view && { items: view.items, matching: this.summaries.value ? view.items.length : view.total, total: view.total };
    return renderLibraryScreen({ query: this.query, view: this.view, results, shown: this.shown, facts }, this.actions);
  }

  private readonly actions: LibraryActions = {
    change: (patch) => this.update_(patch),
    setView: (view) => this.setView(view),
    write: (topic) => void openWriteStory(topic ? { topic } : {}),
    showMore: () => {
      this.shown += PAGE_SIZE;
    },
  };
}

customElements.define('nm-library-page', NmLibraryPage);
declare global {
  interface HTMLElementTagNameMap { 'nm-library-page': NmLibraryPage }
}
