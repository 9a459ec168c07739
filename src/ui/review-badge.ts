import { css, html, LitElement, type TemplateResult } from 'lit';
import { dueCount } from '../db/review-due';
import { plural } from '../domain/format';
import { LiveQueryController } from './live-query-controller';

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

  override connectedCallback(): void {
    super.connectedCallback();
    this.timer ??= setInterval(() => this.due.refresh(), REFRESH_MS);
  }

  override disconnectedCallback(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    super.disconnectedCallback();
  }

  override render(): TemplateResult | null {
    const n = this.due.value ?? 0;
    if (!n) return null;
    return html`<span class="count" data-count=${n}>${n}<span class="sr"> ${plural(n, 'card')} due</span></span>`;
  }
}

customElements.define('nm-review-badge', NmReviewBadge);
declare global {
  interface HTMLElementTagNameMap { 'nm-review-badge': NmReviewBadge }
}
