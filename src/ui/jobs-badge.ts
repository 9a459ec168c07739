import { css, html, LitElement, type TemplateResult } from 'lit';
import { takeActiveJobsFirstLook } from '../app/first-look';
import { whenPageShown } from '../app/first-paint';
import { plural } from '../domain/format';
import { LiveQueryController } from './live-query-controller';

/** `<nm-jobs-badge>`: the live number of unfinished jobs, next to "Queue" in the header. */
export class NmJobsBadge extends LitElement {
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

  // The count's query starts once the page's content is on screen (its request and its read wait
  // behind what the learner opened); until then the header shows the first look's count.
  private readonly active = new LiveQueryController<number>(
    this,
    { load: () => import('../db/active-jobs').then((m) => m.countActiveJobs) },
    undefined,
    { initial: takeActiveJobsFirstLook(), deferred: true },
  );

  override connectedCallback(): void {
    super.connectedCallback();
    void whenPageShown().then(() => this.active.start());
  }

  override render(): TemplateResult | null {
    // A failed read shows no count rather than the first look's, which may be long gone.
    const n = this.active.error === undefined ? (this.active.value ?? 0) : 0;
    if (!n) return null;
    return html`<span class="count" data-count=${n}>${n}<span class="sr"> active ${plural(n, 'job')}</span></span>`;
  }
}

customElements.define('nm-jobs-badge', NmJobsBadge);
declare global {
  interface HTMLElementTagNameMap { 'nm-jobs-badge': NmJobsBadge }
}
