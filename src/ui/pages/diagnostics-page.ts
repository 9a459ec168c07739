import { css, html, LitElement, type TemplateResult } from 'lit';
import { type Diagnostics, readDiagnostics } from '../../app/diagnostics';
import { getDb } from '../../db/database';
import { LiveQueryController } from '../live-query-controller';
import { sharedStyles } from '../shared-styles';

const mb = (bytes: number | null) => (bytes === null ? 'unknown' : `${(bytes / 1024 / 1024).toFixed(1)} MB`);
const yesNo = (v: boolean | null) => (v === null ? 'unknown' : v ? 'yes' : 'no');

/**
 * `<nm-diagnostics-page>`: service worker state, Background Sync support, who holds the runner
 * lock, queue counts and the last errors — live, re-read whenever the jobs table changes.
 */
export class NmDiagnosticsPage extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      dl { display: grid; grid-template-columns: minmax(0, max-content) minmax(0, 1fr); gap: 0.4rem 1rem; }
      dt { font-weight: 700; }
      dd { margin: 0; overflow-wrap: anywhere; }
      ul { padding-left: 1.2rem; }
    `,
  ];

  private readonly data = new LiveQueryController<Diagnostics>(this, async () => {
    await getDb().jobs.count(); // makes the live query re-run on every jobs change
    return readDiagnostics();
  });

  override render(): TemplateResult {
    const d = this.data.value;
    if (!d) return html`<h1>Diagnostics</h1><p class="muted">Reading…</p>`;
    const c = d.counts;
    return html`<h1>Diagnostics</h1>
      <dl>
        <dt>App version</dt><dd>${d.appVersion}</dd>
        <dt>Service worker</dt><dd data-field="sw">${d.serviceWorker}</dd>
        <dt>Background Sync</dt><dd data-field="sync">${d.backgroundSync ? 'supported — jobs run in the service worker' : 'not supported — jobs run while a tab is open'}</dd>
        <dt>Periodic Sync</dt><dd>${yesNo(d.periodicSync)}</dd>
        <dt>Web Locks</dt><dd>${yesNo(d.webLocks)}</dd>
        <dt>Network</dt><dd>${d.online ? 'online' : 'offline'}</dd>
        <dt>Job runner lock</dt><dd data-field="lock">${d.lock.held ? `held by ${d.lock.holder ?? 'another context'}${d.lock.since ? ` since ${new Date(d.lock.since).toLocaleTimeString()}` : ''}` : 'free (no job running)'}</dd>
        <dt>Queue</dt><dd data-field="counts">${c.pending} pending, ${c.processing} processing, ${c.completed} completed, ${c.failed} failed, ${c.cancelled} cancelled</dd>
        <dt>Storage</dt><dd>${mb(d.storage.usage)} used of ${mb(d.storage.quota)}; kept when space runs low: ${yesNo(d.storage.persisted)}</dd>
      </dl>
      <h2>Last errors</h2>
      ${d.lastErrors.length
        ? html`<ul>${d.lastErrors.map((e) => html`<li><strong>${e.type}</strong> ${new Date(e.at).toLocaleString()}: ${e.error.message} <span class="muted">(${e.error.code})</span></li>`)}</ul>`
        : html`<p class="muted">No failed jobs.</p>`}`;
  }
}

customElements.define('nm-diagnostics-page', NmDiagnosticsPage);
declare global {
  interface HTMLElementTagNameMap { 'nm-diagnostics-page': NmDiagnosticsPage }
}
