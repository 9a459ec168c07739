import { html, type TemplateResult } from 'lit';
import type { LibraryView } from '../../app/library-view';
import type { CardFacts } from '../../domain/card-facts';
import { LEVELS } from '../../domain/levels';
import { LIBRARY_SORTS, type LibraryQuery } from '../../domain/library-query';
import type { StorySummary } from '../../domain/summary';
import { storyCard } from '../story-card';
import { emptyResultText } from './library-empty';

/** Rendering every card of a large library would cost more than the budget; show pages of this many. */
export const LIBRARY_PAGE_SIZE = 48;

const SORT_LABELS: Record<(typeof LIBRARY_SORTS)[number], string> = {
  newest: 'Newest first',
  oldest: 'Oldest first',
  easiest: 'Easiest first',
  hardest: 'Hardest first',
  best: 'Best for me',
};

/** What the Library shows: the query's controls and, once known, the stories that match it. */
export interface LibraryScreen {
  query: LibraryQuery;
  view: LibraryView;
  /** Undefined while the first read is on its way ("Loading…"). */
  results: { items: StorySummary[]; matching: number; total: number } | undefined;
  /** How many of the matching stories are drawn (a page at a time). */
  shown: number;
  facts: CardFacts;
}

export interface LibraryActions {
  change(patch: Partial<LibraryQuery>): void;
  setView(view: LibraryView): void;
  write(topic?: string): void;
  showMore(): void;
}

/**
 * The Library's screen, in one place with two users: the live page (library-page.ts) and the build,
 * which prerenders a first visit's Library (the bundled samples) into `library.html`
 * (scripts/build/prerender-shell.ts), so its largest text paints before any script. Without
 * `actions` (the prerendered copy) every control is drawn disabled: it does nothing until the app runs.
 */
export function renderLibraryScreen(screen: LibraryScreen, actions?: LibraryActions): TemplateResult {
  const { query, results } = screen;
  const off = !actions;
  return html`
    <h1>Library</h1>
    <form role="search" @submit=${(e: Event) => e.preventDefault()}>
      <label class="search">Search
        <input type="search" name="search" .value=${query.search} placeholder="猫, cat, 学校…" autocomplete="off" ?disabled=${off}
          @input=${(e: InputEvent) => actions?.change({ search: (e.target as HTMLInputElement).value })} />
      </label>
      <label>Level
        <select name="level" ?disabled=${off} @change=${(e: Event) => actions?.change({ level: (e.target as HTMLSelectElement).value as LibraryQuery['level'] })}>
          <option value="all" ?selected=${query.level === 'all'}>All levels</option>
          ${LEVELS.map((l) => html`<option value=${l} ?selected=${query.level === l}>${l}</option>`)}
        </select>
      </label>
      <label>Sort
        <select name="sort" ?disabled=${off} @change=${(e: Event) => actions?.change({ sort: (e.target as HTMLSelectElement).value as LibraryQuery['sort'] })}>
          ${LIBRARY_SORTS.map((s) => html`<option value=${s} ?selected=${query.sort === s}>${SORT_LABELS[s]}</option>`)}
        </select>
      </label>
    </form>
    ${results === undefined ? html`<p class="muted">Loading…</p>` : renderResults(screen, results, actions)}
  `;
}

/** The bar's "Write a story" (the older app's): the next story is one press away; an empty result offers its own. */
function renderResults(screen: LibraryScreen, { items, matching, total }: NonNullable<LibraryScreen['results']>, actions?: LibraryActions): TemplateResult {
  const off = !actions;
  return html`<div class="bar">
      <p class="count muted" role="status">${matching} of ${total} stories</p>
      <div class="views" role="group" aria-label="Show stories as">
        ${(['grid', 'list'] as const).map((v) => html`<button type="button" aria-pressed=${screen.view === v ? 'true' : 'false'} ?disabled=${off}
          @click=${() => actions?.setView(v)}>${v === 'grid' ? 'Grid' : 'List'}</button>`)}
      </div>
      ${items.length ? html`<button class="primary" ?disabled=${off} @click=${() => actions?.write()}>Write a story</button>` : null}
    </div>
    ${items.length
      ? html`<ul class="stories ${screen.view}">${items.slice(0, screen.shown).map((s) => storyCard(s, screen.facts))}</ul>`
      : renderEmpty(screen.query, total, actions)}
    ${matching > screen.shown
      ? html`<button class="more" ?disabled=${off} @click=${() => actions?.showMore()}>Show ${Math.min(LIBRARY_PAGE_SIZE, matching - screen.shown)} more</button>`
      : null}`;
}

/** No match: say which filter excluded everything, and offer to have the story written. */
function renderEmpty(query: LibraryQuery, total: number, actions?: LibraryActions): TemplateResult {
  const topic = query.search.trim();
  const off = !actions;
  return html`<div class="empty card">
    <p>${emptyResultText(query, total)}</p>
    <div class="row">
      <button class="primary" ?disabled=${off} @click=${() => actions?.write(topic || undefined)}>${topic ? `Write a story about “${topic}”` : 'Write a story'}</button>
      ${query.level !== 'all' || topic
        ? html`<button ?disabled=${off} @click=${() => actions?.change({ search: '', level: 'all' })}>Show all stories</button>`
        : null}
    </div>
  </div>`;
}
