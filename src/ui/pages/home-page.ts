import { html, LitElement, type TemplateResult, unsafeCSS } from 'lit';
import { reportPageFault } from '../../app/error-handlers';
import { takeHomeFirstLook } from '../../app/first-look';
import { afterNextPaint, pageShown } from '../../app/first-paint';
import type { HabitToday } from '../../app/reading-habit';
import type { LibraryTotals } from '../../db/home-facts';
import type { HomeData } from '../../db/home-shape';
import { LiveQueryController } from '../live-query-controller';
import { readFailure } from '../load-error';
import { sharedStyles } from '../shared-styles';
import { storyCard, storyCardStyles } from '../story-card';
import { openWriteStory, prefetchWriteStory } from '../write/open-write-story';
import { habitStyles, renderHabitToday } from './home-habit';
import { homeStyles } from './home-styles';
import { HOME_TITLE, renderWriteCard } from './home-write';

/** Home's live reads, in a chunk that loads with storage, after the first look is on screen. */
const homeFacts = () => import('../../db/home-facts');

/**
 * The failed-jobs list and the queue's wording it uses load only when a job has failed: most
 * first screens have none, and this code was a third of the shell's chunk. main.ts loads it before
 * a first look that has some, so that Home is drawn once, with the list in place.
 */
export const loadFailedJobs = () => import('./home-failed-jobs');

/**
 * `<nm-home-page>`: where a first visit starts — "Write a story" (which walks a learner without an
 * API key through getting one), jobs that failed with a way to act, continue reading, the totals
 * and the newest stories. The totals read every summary, so they load after the first paint.
 */
export class NmHomePage extends LitElement {
  static override styles = [sharedStyles, unsafeCSS(storyCardStyles), homeStyles, habitStyles];

  private readonly data = new LiveQueryController<HomeData>(
    this,
    { load: () => homeFacts().then((m) => m.loadHome) },
    () => {
      // Drawn in this update: the totals, today's reading and the app's background chores wait until it is on screen.
      pageShown();
      void afterNextPaint().then(() => {
        this.totals.start();
        this.startHabit();
        prefetchWriteStory();
      });
    },
    // Drawn before storage opened (app/first-look.ts); the live read replaces it with the same.
    { initial: takeHomeFirstLook() },
  );
  private readonly totals = new LiveQueryController<LibraryTotals>(this, { load: () => homeFacts().then((m) => m.libraryTotals) }, undefined, true);
  /**
   * Today's reading toward the goal and the streak (issue 15). Its code (day accounting shared with
   * the Reader and Stats) loads after the first paint, into a card drawn at its size already.
   */
  private readonly habit = new LiveQueryController<HabitToday | undefined>(this, () => this.loadHabit?.(), undefined, true);
  private loadHabit: (() => Promise<HabitToday>) | undefined;

  private startHabit(): void {
    if (this.loadHabit) return;
    import('../../app/reading-habit')
      .then((m) => {
        this.loadHabit = () => m.loadHabitToday();
        this.habit.start();
      })
      .catch((error: unknown) => reportPageFault("loading today's reading", error));
  }

  protected override willUpdate(): void {
    if (this.data.value?.failed.length) loadFailedJobs().catch((error: unknown) => reportPageFault('loading the failed jobs', error));
  }

  override render(): TemplateResult {
    const failure = readFailure('your library', this.data);
    if (failure) return html`<h1>${HOME_TITLE}</h1>${failure}`;
    const data = this.data.value;
    if (!data) return html`<h1>${HOME_TITLE}</h1><p class="muted">Loading your library…</p>`;
    return html`
      <h1>${HOME_TITLE}</h1>
      ${renderWriteCard({ hasKey: data.hasKey, onWrite: () => void openWriteStory() })}
      ${renderHabitToday(this.habit.value)}
      ${data.failed.length ? html`<nm-home-failed-jobs .failed=${data.failed}></nm-home-failed-jobs>` : null}
      ${data.continueReading.length
        ? html`<section aria-labelledby="continue-h">
            <h2 id="continue-h">Continue reading</h2>
            <ul class="stories">${data.continueReading.map((s) => storyCard(s, data.facts))}</ul>
          </section>`
        : null}
      ${this.renderTotals()}
      <section aria-labelledby="recent-h">
        <h2 id="recent-h">Recent stories</h2>
        ${data.recent.length
          ? html`<ul class="stories">${data.recent.map((s) => storyCard(s, data.facts))}</ul>
              <p><a href="/library">See the whole library</a></p>`
          : html`<p class="muted">Your library is empty. Write a story above, or import a backup in <a href="/settings">Settings</a>.</p>`}
      </section>
    `;
  }

  private renderTotals(): TemplateResult {
    const t = this.totals.value;
    // Counted after the first paint (a full pass over the library); until then the same boxes hold a
    // dash, so the numbers arriving do not push "Recent stories" down under the learner's eyes.
    return html`<section aria-labelledby="totals-h" aria-busy=${t ? 'false' : 'true'}>
      <h2 id="totals-h">Your reading</h2>
      <dl class="totals">
        <div><dt>Stories read</dt><dd>${t ? t.read : '–'}</dd></div>
        <div><dt>Written for you</dt><dd>${t ? t.written : '–'}</dd></div>
        <div><dt>In your library</dt><dd>${t
          ? html`<a href="/library" aria-label="${t.stories} in your library — open the Library">${t.stories}</a>`
          : html`<span class="pending">–</span>`}</dd></div>
      </dl>
    </section>`;
  }
}

customElements.define('nm-home-page', NmHomePage);
declare global {
  interface HTMLElementTagNameMap { 'nm-home-page': NmHomePage }
}
