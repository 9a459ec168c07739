import { css, html, LitElement, type TemplateResult } from 'lit';
import { applyImportPlan, describeSettingsChanges, importSummaryLines, planImportFile } from '../../app/data-portability';
import type { ImportResult } from '../../db/backup-repo';
import { loadSettings } from '../../db/settings-repo';
import type { ImportPlan, ReadyImportPlan } from '../../domain/backup/plan-import';
import { sharedStyles } from '../shared-styles';
import { settingsStyles } from './settings-styles';

const REASONS_SHOWN = 50;

const stories = (n: number) => `${n} ${n === 1 ? 'story' : 'stories'}`;

/**
 * `<nm-settings-import>`: choose a backup file (this app's export or the older app's), read what
 * it holds, confirm, import. Nothing is written before the learner confirms; a file that is not a
 * backup says why and changes nothing.
 */
export class NmSettingsImport extends LitElement {
  static override properties = {
    plan: { state: true }, changes: { state: true }, withSettings: { state: true }, result: { state: true }, busy: { state: true },
  };
  declare plan: ImportPlan | null;
  /** Preferences the file would change, as "Theme: Dark" lines. */
  declare changes: string[];
  declare withSettings: boolean;
  declare result: ImportResult | null;
  declare busy: boolean;

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
    this.withSettings = true;
    this.result = null;
    this.busy = false;
  }

  private get input(): HTMLInputElement | null {
    return this.renderRoot.querySelector('input[type=file]');
  }

  private async choose(event: Event): Promise<void> {
    const file = (event.target as HTMLInputElement).files?.[0];
    this.result = null;
    this.plan = null;
    if (!file) return;
    this.busy = true;
    try {
      const plan = await planImportFile(file);
      this.changes = plan.ok ? describeSettingsChanges(plan.settings, await loadSettings()) : [];
      this.withSettings = true;
      this.plan = plan;
    } finally {
      this.busy = false;
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#report-h')?.focus();
  }

  private async confirm(plan: ReadyImportPlan): Promise<void> {
    this.busy = true;
    try {
      this.result = await applyImportPlan(plan, { withSettings: this.withSettings && this.changes.length > 0 });
      this.plan = null;
      if (this.input) this.input.value = '';
    } finally {
      this.busy = false;
    }
  }

  private cancel(): void {
    this.plan = null;
    if (this.input) this.input.value = '';
    this.input?.focus();
  }

  override render(): TemplateResult {
    return html`<h3>Import</h3>
      <p>Bring in a backup made by this app or by the older Nihongo Monogatari. You will see what the file holds before anything changes.</p>
      <p><label class="file">Backup file (.json)
        <input type="file" accept="application/json,.json" ?disabled=${this.busy} @change=${(e: Event) => void this.choose(e)} />
      </label></p>
      ${this.plan ? this.renderPlan(this.plan) : null}
      <div role="status">${this.result
        ? html`<p class="ok">Import finished.</p><ul class="plain">${importSummaryLines(this.result).map((l) => html`<li>${l}</li>`)}</ul>`
        : null}</div>`;
  }

  private renderPlan(plan: ImportPlan): TemplateResult {
    if (!plan.ok) {
      return html`<div class="card danger"><h4 id="report-h" tabindex="-1">This file cannot be imported</h4>
        <p class="error" role="alert">${plan.message} Nothing was changed.</p></div>`;
    }
    const present = plan.alreadyPresent.length;
    const updates = [
      ...(plan.progress.length ? ['reading positions'] : []),
      ...(this.changes.length && this.withSettings ? ['preferences'] : []),
    ];
    const extras = updates.length > 0;
    return html`<div class="card" role="group" aria-labelledby="report-h">
      <h4 id="report-h" tabindex="-1">What this file holds</h4>
      <div role="status"><ul class="plain">
        <li><strong>${plan.new.length}</strong> new ${plan.new.length === 1 ? 'story' : 'stories'}</li>
        <li><strong>${present}</strong> already in your library (left as they are)</li>
        <li><strong>${plan.rejected.length}</strong> cannot be imported</li>
      </ul></div>
      ${plan.rejected.length ? html`<p>Why:</p><ul class="plain reasons">
          ${plan.rejected.slice(0, REASONS_SHOWN).map((r) => html`<li>${r.reason}</li>`)}
          ${plan.rejected.length > REASONS_SHOWN ? html`<li>…and ${plan.rejected.length - REASONS_SHOWN} more.</li>` : null}
        </ul>` : null}
      ${plan.notes.length ? html`<ul class="plain muted">${plan.notes.map((n) => html`<li>${n}</li>`)}</ul>` : null}
      ${this.changes.length ? html`<p><label class="choice">
          <input type="checkbox" .checked=${this.withSettings} @change=${(e: Event) => { this.withSettings = (e.target as HTMLInputElement).checked; }} />
          Also use the file’s preferences (${this.changes.join(', ')})
        </label></p>` : null}
      <div class="row">
        ${plan.new.length
          ? html`<button class="primary" ?disabled=${this.busy} @click=${() => void this.confirm(plan)}>Import ${stories(plan.new.length)}</button>`
          : extras
            ? html`<button ?disabled=${this.busy} @click=${() => void this.confirm(plan)}>Update ${updates.join(' and ')}</button>`
            : null}
        <button type="button" @click=${() => this.cancel()}>${plan.new.length || extras ? 'Cancel' : 'Close'}</button>
      </div>
      ${plan.new.length || extras ? null : html`<p class="muted">Nothing to import: your library already has everything in this file.</p>`}
    </div>`;
  }
}

customElements.define('nm-settings-import', NmSettingsImport);
declare global {
  interface HTMLElementTagNameMap { 'nm-settings-import': NmSettingsImport }
}
