import { css, html, LitElement, type TemplateResult } from 'lit';
import { parseRoute, ROUTE_CHANGED } from '../app/router';
import { dueCount } from '../db/review-due';
import { plural } from '../domain/format';
import { LiveQueryController } from './live-query-controller';

/** Window event from the Review page: how many cards it has left (detail: number). */
export const REVIEW_DUE_EVENT = 'nm-review-due';

/** Cards fall due with time, not only with writes: the count is read again every minute too. */
const REFRESH_MS = 60_000;

/**
 * `<nm-review-badge>`: the live number of review cards due now (reviews due plus the new cards the
 * day still allows), next to "Review" in the header. Index and due-range reads only, no scheduler:
 * ts-fsrs stays in the Review page's chunk.
 */
export class NmReviewBadge extends LitElement {
  static override styles = css`
    .count {
      display: inline-block;
      min-width: 1.4em;
      padding: 0 0.35em;
      border-radius: 999px;
      background: var(--nm-text);
      color: var(--nm-bg);
      font-size: 0.8rem;
      font-weight: 700;
      text-align: center;
    }
    .sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  `;

  private readonly due = new LiveQueryController(this, () => dueCount(Date.now()));
  private timer: ReturnType<typeof setInterval> | undefined;
  /**
   * On the Review page the count is the page's own (REVIEW_DUE_EVENT): re-counting thousands of
   * index entries after every grade would hold each next grade's write back behind the read.
   */
  private resting = false;
  private fromPage: number | undefined;
  private readonly onRoute = () => this.followRoute();
  private readonly onPageCount = (event: Event) => {
    this.fromPage = (event as CustomEvent<number>).detail;
    this.requestUpdate();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this.timer ??= setInterval(() => this.resting || this.due.refresh(), REFRESH_MS);
    window.addEventListener(ROUTE_CHANGED, this.onRoute);
    window.addEventListener(REVIEW_DUE_EVENT, this.onPageCount);
    this.followRoute();
  }

  override disconnectedCallback(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    window.removeEventListener(ROUTE_CHANGED, this.onRoute);
    window.removeEventListener(REVIEW_DUE_EVENT, this.onPageCount);
    super.disconnectedCallback();
  }

  private followRoute(): void {
    const resting = parseRoute(location.pathname).name === 'review';
    if (resting === this.resting) return;
    this.resting = resting;
    this.fromPage = undefined;
    if (resting) this.due.pause();
    else this.due.refresh();
    this.requestUpdate();
  }

  /**
   * With cards due, the Review page's code (and ts-fsrs) is loaded once the browser is idle, so
   * opening Review draws the first card without fetching and compiling it first. With nothing due,
   * nothing is loaded.
   */
  private warmed = false;

  protected override updated(): void {
    if (this.warmed || this.resting || !this.due.value) return;
    this.warmed = true;
    const warm = () => void import('./pages/review-page').catch(() => {
      // Not fatal: the page loads (and reports a failure) when it is opened.
    });
    if ('requestIdleCallback' in window) requestIdleCallback(warm, { timeout: 5_000 });
    else setTimeout(warm, 1_000);
  }

  override render(): TemplateResult | null {
    const n = (this.resting ? this.fromPage : undefined) ?? this.due.value ?? 0;
    if (!n) return null;
    return html`<span class="count" data-count=${n}>${n}<span class="sr"> ${plural(n, 'card')} due</span></span>`;
  }
}

customElements.define('nm-review-badge', NmReviewBadge);
declare global {
  interface HTMLElementTagNameMap { 'nm-review-badge': NmReviewBadge }
}
