import { css, html, LitElement, type TemplateResult } from 'lit';
import { applyImportPlan, describeSettingsChanges, importFailureMessage, importSummaryLines, planImportFile } from '../../app/data-portability';
import type { ImportResult } from '../../db/backup-repo';
import { loadSettings } from '../../db/settings-repo';
import type { ImportPlan, RejectedStory } from '../../domain/backup/plan-import';
import { sharedStyles } from '../shared-styles';
import { renderReasons } from './import-report';
import { settingsStyles } from './settings-styles';

/**
 * `<nm-settings-import>`: choose a backup file (this app's export or the older app's), read what
 * it holds, confirm, import. Nothing is written before the learner confirms; a file that is not a
 * backup says why and changes nothing.
 */
export class NmSettingsImport extends LitElement {
  static override properties = {
    plan: { state: true }, changes: { state: true }, result: { state: true }, busy: { state: true }, error: { state: true },
  };
  declare plan: ImportPlan | null;
  /** Preferences the file would change, as "Theme: Dark" lines. */
  declare changes: string[];
  declare result: ImportResult | null;
  /** The stories the finished import could not take, with their reasons, kept in the result. */
  private rejected: readonly RejectedStory[] = [];
  declare busy: boolean;
  /** Why reading or applying the file failed; shown, never swallowed. */
  declare error: string;

  static override styles = [
    sharedStyles,
    settingsStyles,
    css`
      label.file { display: flex; }
      label.file input { width: 100%; }
    `,
  ];

  constructor() {
    super();
    this.plan = null;
    this.changes = [];
    this.result = null;
    this.busy = false;
    this.error = '';
  }

  private get input(): HTMLInputElement | null {
    return this.renderRoot.querySelector('input[type=file]');
  }

  private async choose(event: Event): Promise<void> {
    const file = (event.target as HTMLInputElement).files?.[0];
    this.result = null;
    this.plan = null;
    this.error = '';
    if (!file) return;
    this.busy = true;
    try {
      const plan = await planImportFile(file);
      this.changes = plan.ok ? describeSettingsChanges(plan.settings, await loadSettings()) : [];
      this.plan = plan;
    } catch (error) {
      this.error = importFailureMessage('plan', error);
    } finally {
      this.busy = false;
    }
    await this.updateComplete;
    await this.renderRoot.querySelector('nm-import-report')?.focusHeading();
  }

  private async confirm(withSettings: boolean): Promise<void> {
    const plan = this.plan;
    if (!plan?.ok) return;
    this.busy = true;
    this.error = '';
    try {
      this.rejected = plan.rejected;
      this.result = await applyImportPlan(plan, { withSettings });
      this.plan = null;
      if (this.input) this.input.value = '';
    } catch (error) {
      // The plan stays on screen, so the learner can try again or cancel.
      this.error = importFailureMessage('apply', error);
    } finally {
      this.busy = false;
    }
  }

  private cancel(): void {
    this.plan = null;
    this.error = '';
    if (this.input) this.input.value = '';
    this.input?.focus();
  }

  override render(): TemplateResult {
    return html`<h3>Import</h3>
      <p>Bring in a backup made by this app or by the older Nihongo Monogatari. You will see what the file holds before anything changes.</p>
      <p><label class="file">Backup file (.json)
        <input type="file" accept="application/json,.json" ?disabled=${this.busy} @change=${(e: Event) => void this.choose(e)} />
      </label></p>
      ${this.plan
        ? html`<nm-import-report .plan=${this.plan} .changes=${this.changes} ?busy=${this.busy}
            @nm-import-confirm=${(e: CustomEvent<{ withSettings: boolean }>) => void this.confirm(e.detail.withSettings)}
            @nm-import-cancel=${() => this.cancel()}></nm-import-report>`
        : null}
      <p class="error" role="alert" data-testid="import-error">${this.error}</p>
      <div role="status">${this.result
        ? html`<p class="ok">Import finished.</p><ul class="plain">${importSummaryLines(this.result).map((l) => html`<li>${l}</li>`)}</ul>
          ${this.rejected.length ? renderReasons(this.rejected) : null}`
        : null}</div>`;
  }
}

customElements.define('nm-settings-import', NmSettingsImport);
declare global {
  interface HTMLElementTagNameMap { 'nm-settings-import': NmSettingsImport }
}
