import { css, html, LitElement, type TemplateResult } from 'lit';
import { startSync } from '../../app/sync-boot';
import { checkAnonKey, checkProjectUrl, saveSyncConfig } from '../../sync/config';
import { retryRejected } from '../../sync/outbox';
import { signIn, signOut, signUp, syncNowFromSettings } from '../../app/sync-actions';
import type { AuthResult } from '../../sync/session';
import { buildTimeProject, loadSyncView, type SyncView } from '../../sync/status';
import { countOf, plural } from '../../domain/format';
import { LiveQueryController } from '../live-query-controller';
import { readFailure } from '../load-error';
import { sharedStyles } from '../shared-styles';
import { settingsStyles } from './settings-styles';
import './sync-refresh-wait';

const when = (ms: number | null) => (ms ? new Date(ms).toLocaleString() : 'never');

/**
 * `<nm-settings-sync>`: the optional Supabase account — project URL and anon key, sign up / sign in /
 * sign out with email and password, and the sync status (last sync, pending changes, rows the server
 * refused and why, "Sync now"). Follows the status live (Dexie liveQuery), also when the service
 * worker synced. Passwords are never kept: the inputs are cleared once used.
 */
export class NmSettingsSync extends LitElement {
  static override properties = { message: { state: true }, error: { state: true }, busy: { state: true } };
  declare message: string;
  declare error: string;
  declare busy: boolean;

  static override styles = [
    sharedStyles,
    settingsStyles,
    css`
      ul.rejected li { overflow-wrap: anywhere; }
    `,
  ];

  private readonly view = new LiveQueryController<SyncView>(this, loadSyncView);

  constructor() {
    super();
    this.message = '';
    this.error = '';
    this.busy = false;
  }

  private async act(work: () => Promise<string | AuthResult>): Promise<void> {
    this.busy = true;
    this.error = '';
    this.message = '';
    try {
      const result = await work();
      if (typeof result === 'string') this.message = result;
      else if (result.ok) this.message = result.message;
      else this.error = result.message;
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    } finally {
      this.busy = false;
    }
  }

  private field(form: HTMLFormElement, name: string): HTMLInputElement {
    return form.elements.namedItem(name) as HTMLInputElement;
  }

  private saveProject(event: SubmitEvent): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    void this.act(async () => {
      const url = checkProjectUrl(this.field(form, 'sb-url').value);
      const key = checkAnonKey(this.field(form, 'sb-key').value);
      if (!url.ok) return { ok: false, message: url.message };
      if (!key.ok) return { ok: false, message: key.message };
      await saveSyncConfig(url.url, key.key);
      await startSync();
      return 'Project saved. Now create an account or sign in.';
    });
  }

  private account(event: SubmitEvent): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const submitter = event.submitter as HTMLButtonElement | null;
    const email = this.field(form, 'sb-email').value;
    const password = this.field(form, 'sb-password');
    if (!email.includes('@') || password.value === '') {
      this.error = 'Enter your email and a password.';
      return;
    }
    void this.act(async () => {
      const result = submitter?.value === 'sign-up' ? await signUp(email, password.value) : await signIn(email, password.value);
      password.value = '';
      if (result.ok && result.signedIn) {
        const report = await syncNowFromSettings();
        if (report.error) return { ok: false, message: `${result.message} ${report.error}` };
      }
      return result;
    });
  }

  private async leave(keepLibrary: boolean): Promise<void> {
    this.renderRoot.querySelector('dialog')?.close();
    await this.act(async () => {
      await signOut({ keepLibrary });
      return keepLibrary ? 'Signed out. Your library stays on this device.' : 'Signed out, and your stories were removed from this device (they stay in your Supabase project).';
    });
  }

  override render(): TemplateResult {
    const failure = readFailure('the sync status', this.view);
    if (failure) return html`<section aria-labelledby="sync-h"><h2 id="sync-h">Sync with Supabase</h2>${failure}</section>`;
    const view = this.view.value;
    return html`<section aria-labelledby="sync-h">
      <h2 id="sync-h">Sync with Supabase</h2>
      <p>Optional: with a Supabase project of your own, your stories, reading progress and preferences follow you to
        your other devices. Audio and pictures stay on this device (another device can make its own), and your Gemini
        API key never leaves it.</p>
      ${view ? this.renderBody(view) : null}
      <p class="error" role="alert">${this.error}</p>
      <p class="ok" role="status">${this.message}</p>
    </section>`;
  }

  private renderBody(view: SyncView): TemplateResult {
    const signedIn = view.account !== null && view.config?.url === view.account.url;
    return html`${signedIn ? this.renderStatus(view) : html`${this.renderProject(view)}${view.config ? this.renderSignIn(view) : null}`}`;
  }

  private renderProject(view: SyncView): TemplateResult {
    const fallback = buildTimeProject();
    return html`<form class="row" novalidate @submit=${(e: SubmitEvent) => this.saveProject(e)}>
      <label>Supabase project URL
        <input name="sb-url" type="url" inputmode="url" autocomplete="off" spellcheck="false" placeholder="https://abcd.supabase.co"
          .value=${view.config?.url ?? fallback.url} /></label>
      <label>Supabase anon key
        <input name="sb-key" type="text" autocomplete="off" spellcheck="false" .value=${view.config?.anonKey ?? fallback.anonKey} /></label>
      <button type="submit" ?disabled=${this.busy}>Save project</button>
    </form>
    <p class="hint">Project Settings → API Keys in the Supabase dashboard: the publishable key (sb_publishable_…) or the
      legacy anon key (eyJ…), never a secret key. Set the project up with supabase/README.md.</p>`;
  }

  private renderSignIn(view: SyncView): TemplateResult {
    // needsSignIn also covers a session still stored but refused (a refresh that failed after expiry).
    const lost = view.account !== null && (!view.hasSession || view.status.needsSignIn);
    return html`${lost
        ? html`<p class="notice card" data-testid="sign-in-again">Your session has ended: sign in again to keep syncing.
            ${view.pending > 0 ? html`Your ${countOf(view.pending, 'change')} not sent yet ${plural(view.pending, 'is', 'are')} kept.` : null}</p>`
        : null}
      <form class="row" novalidate @submit=${(e: SubmitEvent) => this.account(e)}>
        <label>Email <input name="sb-email" type="email" autocomplete="username" .value=${view.account?.email ?? ''} /></label>
        <label>Password <input name="sb-password" type="password" autocomplete="current-password" /></label>
        <button class="primary" type="submit" value="sign-in" ?disabled=${this.busy}>Sign in</button>
        <button type="submit" value="sign-up" ?disabled=${this.busy}>Create account</button>
      </form>`;
  }

  private renderStatus(view: SyncView): TemplateResult {
    const { status } = view;
    return html`<dl data-testid="sync-status">
        <dt>Account</dt><dd>${view.account?.email}</dd>
        <dt>Last sync</dt><dd data-testid="last-sync">${when(status.lastSyncAt)}</dd>
        <dt>Waiting to send</dt><dd data-testid="pending">${countOf(view.pending, 'change')}</dd>
      </dl>
      <nm-sync-refresh-wait></nm-sync-refresh-wait>
      ${view.hasSession && !status.needsSignIn ? null : this.renderSignIn(view)}
      ${status.lastError ? html`<p class="error" data-testid="sync-error">${status.lastError}</p>` : null}
      ${view.rejected.length > 0
        ? html`<h3>Refused by the server</h3>
            <ul class="plain rejected">${view.rejected.map((r) => html`<li><strong>${r.label}</strong>: ${r.message}</li>`)}</ul>
            <p><button type="button" ?disabled=${this.busy} @click=${() => void this.act(async () => `${await retryRejected()} row(s) will be sent again.`)}>Try these again</button></p>`
        : null}
      <div class="row">
        <button class="primary" type="button" ?disabled=${this.busy || !view.hasSession}
          @click=${() => void this.act(async () => { const r = await syncNowFromSettings(); return r.error ? { ok: false, message: r.error } : 'Synced.'; })}>Sync now</button>
        <button type="button" ?disabled=${this.busy} @click=${() => this.renderRoot.querySelector('dialog')?.showModal()}>Sign out…</button>
      </div>
      <dialog aria-labelledby="signout-h">
        <h3 id="signout-h">Sign out of ${view.account?.email}?</h3>
        <p>Keep your stories and the words you know on this device, or remove them from it? Nothing is deleted from your Supabase project, and
          ${view.pending > 0 ? html`<strong>${countOf(view.pending, 'change')} not sent yet will be dropped.</strong>` : 'everything has been sent.'}</p>
        <div class="row">
          <button type="button" autofocus @click=${() => this.renderRoot.querySelector('dialog')?.close()}>Cancel</button>
          <button type="button" @click=${() => void this.leave(true)}>Keep library and sign out</button>
          <button type="button" class="destructive" @click=${() => void this.leave(false)}>Remove my stories and words from this device</button>
        </div>
      </dialog>`;
  }
}

customElements.define('nm-settings-sync', NmSettingsSync);
declare global {
  interface HTMLElementTagNameMap { 'nm-settings-sync': NmSettingsSync }
}
