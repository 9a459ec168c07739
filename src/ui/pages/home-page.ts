import { css, html, LitElement, type TemplateResult, unsafeCSS } from 'lit';
import { getDb } from '../../db/database';
import { inProgress } from '../../db/progress-repo';
import { recentSummaries } from '../../db/stories-repo';
import type { ReadingProgress } from '../../domain/progress';
import type { StorySummary } from '../../domain/summary';
import { LiveQueryController } from '../live-query-controller';
import { readFailure } from '../load-error';
import { sharedStyles } from '../shared-styles';
import { storyCard, storyCardStyles } from '../story-card';

interface HomeData {
  continueReading: Array<{ progress: ReadingProgress; summary: StorySummary }>;
  recent: StorySummary[];
}

async function loadHome(): Promise<HomeData> {
  const [progress, recent] = await Promise.all([inProgress(3), recentSummaries(6)]);
  const summaries = await getDb().storySummaries.bulkGet(progress.map((p) => p.storyId));
  const continueReading = progress.flatMap((p, i) => {
    const summary = summaries[i];
    return summary ? [{ progress: p, summary }] : [];
  });
  return { continueReading, recent };
}

/** `<nm-home-page>`: continue reading where the learner stopped, and the newest stories. */
export class NmHomePage extends LitElement {
  static override styles = [
    sharedStyles,
    unsafeCSS(storyCardStyles),
    css`
      .continue a.button { margin-top: 0.25rem; align-self: flex-start; }
      progress { width: 100%; accent-color: var(--nm-accent); }
    `,
  ];

  private readonly data = new LiveQueryController<HomeData>(this, loadHome);

  override render(): TemplateResult {
    const failure = readFailure('your library', this.data);
    if (failure) return html`<h1>ようこそ · Welcome</h1>${failure}`;
    const data = this.data.value;
    if (!data) return html`<h1>ようこそ · Welcome</h1><p class="muted">Loading your library…</p>`;
    return html`
      <h1>ようこそ · Welcome</h1>
      <p>Read graded Japanese stories with furigana and translations — online or offline.</p>
      ${data.continueReading.length
        ? html`<section class="continue" aria-labelledby="continue-h">
            <h2 id="continue-h">Continue reading</h2>
            <ul class="stories">
              ${data.continueReading.map(({ progress, summary }) =>
                storyCard(
                  summary,
                  html`<progress max="100" value=${Math.round(progress.percent)} aria-label="Read ${Math.round(progress.percent)}%"></progress>
                    <a class="button primary" href="/story/${summary.id}" aria-label="Continue ${summary.titleJP}">Continue</a>`,
                ),
              )}
            </ul>
          </section>`
        : null}
      <section aria-labelledby="recent-h">
        <h2 id="recent-h">Recent stories</h2>
        ${data.recent.length
          ? html`<ul class="stories">${data.recent.map((s) => storyCard(s))}</ul>
              <p><a href="/library">See the whole library</a></p>`
          : html`<p class="muted">Your library is empty. Create a story from the Queue, or import a backup in Settings.</p>`}
      </section>
    `;
  }
}

customElements.define('nm-home-page', NmHomePage);
declare global {
  interface HTMLElementTagNameMap { 'nm-home-page': NmHomePage }
}
