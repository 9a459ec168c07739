import { html, LitElement, type TemplateResult } from 'lit';
import { updatePreferences } from '../../app/preferences';
import { countReviews, resetAllReviews } from '../../db/review-resets';
import { loadSettings } from '../../db/settings-repo';
import { DEFAULT_SETTINGS } from '../../domain/default-settings';
import { countOf } from '../../domain/format';
import type { Settings } from '../../domain/settings';
import { boundedSetting, REVIEW_NEW_PER_DAY, REVIEW_RETENTION } from '../../domain/settings-options';
import { LiveQueryController } from '../live-query-controller';
import { readFailure } from '../load-error';
import { sharedStyles } from '../shared-styles';
import { settingsStyles } from './settings-styles';

/** Target retentions offered (FSRS' request_retention): higher means more reviews, fewer lapses. */
const RETENTIONS = [0.8, 0.85, 0.9, 0.93, 0.95, 0.97] as const;

/**
 * `<nm-settings-review>`: spaced review (issue 15) — new cards a day, the target retention, and
 * "Reset all reviews" behind a confirmation. They are synced settings: every device schedules the
 * same log alike. The reset hides the log's grades (a marker, synced too); nothing is deleted.
 */
export class NmSettingsReview extends LitElement {
  static override properties = { status: { state: true }, busy: { state: true } };
  declare status: string;
  declare busy: boolean;

  static override styles = [sharedStyles, settingsStyles];

  private readonly settings = new LiveQueryController<Settings>(this, loadSettings);
  private readonly reviews = new LiveQueryController<number>(this, countReviews);

  constructor() {
    super();
    this.status = '';
    this.busy = false;
  }

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  private saveNewPerDay(input: HTMLInputElement): void {
    if (!input.checkValidity()) return;
    void updatePreferences({ reviewNewPerDay: boundedSetting(Number(input.value), REVIEW_NEW_PER_DAY) });
  }

  private async reset(): Promise<void> {
    this.busy = true;
    try {
      await resetAllReviews();
      this.dialog?.close();
      this.status = 'Every card starts again as new. The words you are learning stay.';
    } catch {
      this.status = 'The reviews could not be reset on this device. Try again.';
    } finally {
      this.busy = false;
    }
  }

  override render(): TemplateResult {
    const failure = readFailure('your preferences', this.settings);
    if (failure) return html`<section aria-labelledby="review-h"><h2 id="review-h">Review</h2>${failure}</section>`;
    const s = this.settings.value ?? DEFAULT_SETTINGS;
    const perDay = boundedSetting(s.reviewNewPerDay, REVIEW_NEW_PER_DAY);
    const retention = boundedSetting(s.reviewRetention, REVIEW_RETENTION, false);
    const choices: readonly number[] = RETENTIONS.includes(retention as (typeof RETENTIONS)[number]) ? RETENTIONS : [...RETENTIONS, retention].sort((a, b) => a - b);
    return html`<section aria-labelledby="review-h">
      <h2 id="review-h">Review</h2>
      <p>Words you mark as Learning become review cards. These settings sync with your other devices.</p>
      <div class="row">
        <label>New cards a day
          <input type="number" inputmode="numeric" min=${REVIEW_NEW_PER_DAY.min} max=${REVIEW_NEW_PER_DAY.max} step="1" .value=${String(perDay)}
            aria-describedby="per-day-hint" @change=${(e: Event) => this.saveNewPerDay(e.target as HTMLInputElement)} />
        </label>
        <label>Target retention
          <select aria-describedby="retention-hint" @change=${(e: Event) => void updatePreferences({ reviewRetention: Number((e.target as HTMLSelectElement).value) })}>
            ${choices.map((r) => html`<option value=${r} ?selected=${r === retention}>${Math.round(r * 100)} %</option>`)}
          </select>
        </label>
      </div>
      <p id="per-day-hint" class="hint">How many cards you have never reviewed join Review each day (${REVIEW_NEW_PER_DAY.min}–${REVIEW_NEW_PER_DAY.max}).</p>
      <p id="retention-hint" class="hint">How likely you should be to remember a card when it comes back: higher means more reviews.</p>
      <h3>Reset all reviews</h3>
      <p id="reset-reviews-d">Every card starts again as new; the words stay Learning. ${this.reviews.loaded ? `${countOf(this.reviews.value ?? 0, 'entry', 'entries')} in your review history.` : ''}</p>
      <p><button type="button" class="destructive" aria-describedby="reset-reviews-d" @click=${() => { this.status = ''; this.dialog?.showModal(); }}>Reset all reviews…</button></p>
      <p class="ok" role="status">${this.status}</p>
      <dialog aria-labelledby="reset-reviews-h" aria-describedby="reset-reviews-q">
        <h3 id="reset-reviews-h">Reset all reviews?</h3>
        <p id="reset-reviews-q">Every card's schedule starts over, on this device and, while you are signed in to sync, on your others.
          Your history is kept but no longer counts.</p>
        <div class="row">
          <button type="button" autofocus @click=${() => this.dialog?.close()}>Cancel</button>
          <button type="button" class="destructive" ?disabled=${this.busy} @click=${() => void this.reset()}>Reset all reviews</button>
        </div>
      </dialog>
    </section>`;
  }
}

customElements.define('nm-settings-review', NmSettingsReview);
declare global {
  interface HTMLElementTagNameMap { 'nm-settings-review': NmSettingsReview }
}
