import { html, LitElement, type PropertyValues, type TemplateResult } from 'lit';
import type { ImportPlan, RejectedStory } from '../../domain/backup/plan-import';
import { plural, storyCount } from '../../domain/format';
import { emit } from '../emit';
import { sharedStyles } from '../shared-styles';
import { settingsStyles } from './settings-styles';

const REASONS_SHOWN = 50;

/** A deleted story cannot come back under its old id (the deletion is final once synced). */
function restoredLine(count: number): string {
  return `${count === 1 ? '1 of them was' : `${count} of them were`} deleted here before and will be restored as ${plural(count, 'a new copy', 'new copies')}.`;
}

/**
 * Why each story cannot be imported: its one-sentence reason and, when it has more than one
 * problem, all of them behind a disclosure (so "(and 2 more problems)" can be read). Shown in the
 * report and again in the result, which must not send the learner to reasons it has removed.
 */
export function renderReasons(rejected: readonly RejectedStory[]): TemplateResult {
  return html`<ul class="plain reasons">
    ${rejected.slice(0, REASONS_SHOWN).map((r) => html`<li>${r.reason}${r.problems
      ? html`<details><summary>All ${r.problems.length} problems</summary><ul>${r.problems.map((p) => html`<li>${p}</li>`)}</ul></details>`
      : null}</li>`)}
    ${rejected.length > REASONS_SHOWN ? html`<li>…and ${rejected.length - REASONS_SHOWN} more.</li>` : null}
  </ul>`;
}

/**
 * `<nm-import-report>`: what a chosen backup holds, before anything is written — how many stories
 * are new, already in the library, or cannot be imported (each with its reason), the notes, and
 * whether to take the file's preferences — or, for a file that is not a backup, why not. It only
 * shows the plan; its host (`<nm-settings-import>`) reads the file and applies the plan.
 *
 * @fires nm-import-confirm - `{ withSettings }` when the learner confirms (withSettings is false
 *   when the file changes no preferences or the learner unticked them).
 * @fires nm-import-cancel - when the learner cancels or closes the report.
 */
export class NmImportReport extends LitElement {
  static override properties = {
    plan: { attribute: false },
    changes: { attribute: false },
    busy: { type: Boolean },
    withSettings: { state: true },
  };
  declare plan: ImportPlan | null;
  /** Preferences the file would change, as "Theme: Dark" lines. */
  declare changes: readonly string[];
  /** Disables the confirm button while the host is writing. */
  declare busy: boolean;
  declare withSettings: boolean;

  static override styles = [sharedStyles, settingsStyles];

  constructor() {
    super();
    this.plan = null;
    this.changes = [];
    this.busy = false;
    this.withSettings = true;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Every new file starts with "also use the file's preferences" ticked.
    if (changed.has('plan')) this.withSettings = true;
  }

  /** Moves focus to the report's heading (once rendered), so a screen reader starts reading there. */
  async focusHeading(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#report-h')?.focus();
  }

  private confirm(): void {
    const detail = { withSettings: this.withSettings && this.changes.length > 0 };
    emit(this, 'nm-import-confirm', detail);
  }

  private cancel(): void {
    emit(this, 'nm-import-cancel');
  }

  override render(): TemplateResult | null {
    const plan = this.plan;
    if (!plan) return null;
    if (!plan.ok) {
      return html`<div class="card danger"><h4 id="report-h" tabindex="-1">This file cannot be imported</h4>
        <p class="error" role="alert">${plan.message} Nothing was changed.</p></div>`;
    }
    const present = plan.alreadyPresent.length;
    const updates = [
      ...(plan.progress.length ? ['reading positions'] : []),
      ...(plan.words.length ? ['the words you know'] : []),
      ...(plan.reviewLogs.length ? ['your reviews'] : []),
      ...(plan.readingDays.length ? ['your reading time'] : []),
      ...(this.changes.length && this.withSettings ? ['preferences'] : []),
    ];
    const extras = updates.length > 0;
    return html`<div class="card" role="group" aria-labelledby="report-h">
      <h4 id="report-h" tabindex="-1">What this file holds</h4>
      <div role="status"><ul class="plain">
        <li><strong>${plan.new.length}</strong> new ${plural(plan.new.length, 'story', 'stories')}</li>
        ${plan.restored.length ? html`<li data-testid="restored">${restoredLine(plan.restored.length)}</li>` : null}
        <li><strong>${present}</strong> already in your library (left as they are)</li>
        <li><strong>${plan.rejected.length}</strong> cannot be imported</li>
      </ul></div>
      ${plan.rejected.length ? html`<p>Why:</p>${renderReasons(plan.rejected)}` : null}
      ${plan.notes.length ? html`<ul class="plain muted">${plan.notes.map((n) => html`<li>${n}</li>`)}</ul>` : null}
      ${this.changes.length ? html`<p><label class="choice">
          <input type="checkbox" .checked=${this.withSettings} @change=${(e: Event) => { this.withSettings = (e.target as HTMLInputElement).checked; }} />
          Also use the file’s preferences (${this.changes.join(', ')})
        </label></p>` : null}
      <div class="row">
        ${plan.new.length
          ? html`<button class="primary" ?disabled=${this.busy} @click=${() => this.confirm()}>Import ${storyCount(plan.new.length)}</button>`
          : extras
            ? html`<button ?disabled=${this.busy} @click=${() => this.confirm()}>Update ${updates.join(' and ')}</button>`
            : null}
        <button type="button" @click=${() => this.cancel()}>${plan.new.length || extras ? 'Cancel' : 'Close'}</button>
      </div>
      ${plan.new.length || extras ? null : html`<p class="muted">Nothing to import: your library already has everything in this file.</p>`}
    </div>`;
  }
}

customElements.define('nm-import-report', NmImportReport);
declare global {
  interface HTMLElementTagNameMap { 'nm-import-report': NmImportReport }
  interface HTMLElementEventMap {
    'nm-import-confirm': CustomEvent<{ withSettings: boolean }>;
    'nm-import-cancel': CustomEvent<undefined>;
  }
}
