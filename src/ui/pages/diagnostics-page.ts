import { css, html, LitElement, type TemplateResult } from 'lit';
import { type Diagnostics, readDiagnostics } from '../../app/diagnostics';
import { getDb } from '../../db/database';
import type { Fault } from '../../db/fault-log';
import { formatBytes } from '../../domain/format';
import { LiveQueryController } from '../live-query-controller';
import { readFailure } from '../load-error';
import { sharedStyles } from '../shared-styles';

const bytes = (n: number | null) => (n === null ? 'unknown' : formatBytes(n));
const yesNo = (v: boolean | null) => (v === null ? 'unknown' : v ? 'yes' : 'no');

/**
 * `<nm-diagnostics-page>`: service worker state, Background Sync support, who holds the runner
 * lock, queue counts and the last errors (failed jobs, and the fault log of both contexts from
 * db/fault-log.ts) — live, re-read whenever the jobs table or the fault log changes.
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
    const failure = readFailure('the diagnostics', this.data);
    if (failure) return html`<h1>Diagnostics</h1>${failure}`;
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
        <dt>Storage</dt><dd>${bytes(d.storage.usage)} used of ${bytes(d.storage.quota)}; kept when space runs low: ${yesNo(d.storage.persisted)}</dd>
      </dl>
      <h2>Last errors</h2>
      <h3>Failed jobs</h3>
      ${d.lastErrors.length
        ? html`<ul>${d.lastErrors.map((e) => html`<li><strong>${e.type}</strong> ${new Date(e.at).toLocaleString()}: ${e.error.message} <span class="muted">(${e.error.code})</span></li>`)}</ul>`
        : html`<p class="muted">No failed jobs.</p>`}
      <h3>Other errors</h3>
      ${d.faults.length
        ? html`<ul data-field="faults">${d.faults.map(renderFault)}</ul>`
        : html`<p class="muted">None recorded.</p>`}`;
  }
}

/** One entry of the fault log: which side, what was running, when, and what it said (already scrubbed). */
function renderFault(f: Fault): TemplateResult {
  return html`<li><strong>${f.context === 'worker' ? 'Service worker' : 'Page'}</strong> · ${f.where} · ${new Date(f.at).toLocaleString()}: ${f.message}</li>`;
}

customElements.define('nm-diagnostics-page', NmDiagnosticsPage);
declare global {
  interface HTMLElementTagNameMap { 'nm-diagnostics-page': NmDiagnosticsPage }
}
