import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { type RefreshWait, readRefreshWait, refreshWaitWords } from '../../sync/refresh-wait';
import { LiveQueryController } from '../live-query-controller';
import { sharedStyles } from '../shared-styles';
import { settingsStyles } from './settings-styles';

/**
 * `<nm-sync-refresh-wait>`: "Supabase is limiting sign-in requests; retrying in N s. You are still
 * signed in." while a rate-limited token refresh is being retried (src/sync/refresh-backoff.ts), by
 * this tab or by the service worker: the learner is told rather than silently signed out later.
 * Renders nothing otherwise.
 */
export class NmSyncRefreshWait extends LitElement {
  static override styles = [sharedStyles, settingsStyles];

  private readonly wait = new LiveQueryController<RefreshWait | null>(this, () => readRefreshWait());
  private countdown: ReturnType<typeof setTimeout> | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.countdown);
  }

  override render(): TemplateResult | typeof nothing {
    clearTimeout(this.countdown);
    const words = refreshWaitWords(this.wait.value ?? null);
    if (!words) return nothing;
    // The record changes once per attempt; the seconds in between count down here. Not a live
    // region: a screen reader would read it out every second.
    this.countdown = setTimeout(() => this.requestUpdate(), 1000);
    return html`<p class="notice card" data-testid="refresh-wait">${words}</p>`;
  }
}

customElements.define('nm-sync-refresh-wait', NmSyncRefreshWait);
declare global {
  interface HTMLElementTagNameMap { 'nm-sync-refresh-wait': NmSyncRefreshWait }
}
