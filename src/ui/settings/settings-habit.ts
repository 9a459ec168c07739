import { html, LitElement, type TemplateResult } from 'lit';
import { updatePreferences } from '../../app/preferences';
import { loadSettings } from '../../db/settings-repo';
import { DEFAULT_SETTINGS } from '../../domain/default-settings';
import { goalOf } from '../../domain/reading-habit';
import type { Settings } from '../../domain/settings';
import { GOAL_AMOUNT, type GoalKind } from '../../domain/settings-options';
import { LiveQueryController } from '../live-query-controller';
import { readFailure } from '../load-error';
import { sharedStyles } from '../shared-styles';
import { settingsStyles } from './settings-styles';

const KIND_LABELS: Record<GoalKind, string> = { minutes: 'Minutes of reading', reviews: 'Reviews' };

/**
 * `<nm-settings-habit>`: the daily goal Home counts toward and the streak follows (issue 15) —
 * minutes actively reading, or reviews done, and how many a day. Saved with the other settings,
 * so it syncs; an amount out of range is brought back into it.
 */
export class NmSettingsHabit extends LitElement {
  static override properties = { status: { state: true } };
  declare status: string;

  static override styles = [sharedStyles, settingsStyles];

  private readonly settings = new LiveQueryController<Settings>(this, loadSettings);

  constructor() {
    super();
    this.status = '';
  }

  private async save(patch: Partial<Settings>): Promise<void> {
    const goal = goalOf(await updatePreferences(patch));
    this.status = `Daily goal: ${goal.amount} ${goal.kind === 'reviews' ? 'reviews' : 'minutes'}.`;
  }

  override render(): TemplateResult {
    const failure = readFailure('your daily goal', this.settings);
    if (failure) return html`<section aria-labelledby="habit-h"><h2 id="habit-h">Daily goal</h2>${failure}</section>`;
    const goal = goalOf(this.settings.value ?? DEFAULT_SETTINGS);
    return html`<section aria-labelledby="habit-h">
      <h2 id="habit-h">Daily goal</h2>
      <div class="row">
        <label>Goal
          <select @change=${(e: Event) => void this.save({ goalKind: (e.target as HTMLSelectElement).value as GoalKind })}>
            ${(Object.keys(KIND_LABELS) as GoalKind[]).map((k) => html`<option value=${k} ?selected=${goal.kind === k}>${KIND_LABELS[k]}</option>`)}
          </select>
        </label>
        <label>${goal.kind === 'reviews' ? 'Reviews a day' : 'Minutes a day'}
          <input type="number" inputmode="numeric" min=${GOAL_AMOUNT.min} max=${GOAL_AMOUNT.max} step="1" .value=${String(goal.amount)}
            aria-describedby="habit-hint"
            @change=${(e: Event) => void this.save({ goalAmount: goalOf({ goalAmount: Number((e.target as HTMLInputElement).value) }).amount })}>
        </label>
      </div>
      <p id="habit-hint" class="hint">Home shows today's progress toward it. Your streak counts the days in a row you met it;
        minutes count while a story is on screen and you are reading (a pause longer than a minute counts as one minute).</p>
      <p class="ok" role="status">${this.status}</p>
    </section>`;
  }
}

customElements.define('nm-settings-habit', NmSettingsHabit);
declare global {
  interface HTMLElementTagNameMap { 'nm-settings-habit': NmSettingsHabit }
}
