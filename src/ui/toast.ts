import { css, html, LitElement, type TemplateResult } from 'lit';
import { sharedStyles } from './shared-styles';

export interface ToastOptions {
  message: string;
  /** One button beside the message, e.g. "Undo". */
  action?: { label: string; run: () => void | Promise<void> };
  /** How long the toast stays; the countdown pauses while the pointer or focus is on it. */
  durationMs?: number;
  /**
   * Move focus to the action, for when the control the learner used has just gone away (a deleted
   * story's page): focus would otherwise fall back to the top of the document.
   */
  focusAction?: boolean;
}

const DEFAULT_DURATION_MS = 10_000;

/**
 * `<nm-toast>`: one short message at the bottom of the screen, outside any page, so it outlives
 * the route that showed it. The live region is always in the document, so screen readers announce
 * each new message. Use `showToast()`; a new toast replaces the current one.
 */
export class NmToast extends LitElement {
  static override properties = { toast: { state: true } };
  declare toast: ToastOptions | null;

  static override styles = [
    sharedStyles,
    css`
      :host { position: fixed; left: 50%; bottom: 1rem; transform: translateX(-50%); width: min(30rem, calc(100% - 1.5rem)); z-index: 30; }
      .card { display: flex; flex-wrap: wrap; gap: 0.5rem 0.75rem; align-items: center; justify-content: space-between; box-shadow: 0 4px 16px rgb(0 0 0 / 0.25); }
      .message { flex: 1 1 12rem; margin: 0; }
      .buttons { display: flex; gap: 0.5rem; }
    `,
  ];

  private timer: ReturnType<typeof setTimeout> | undefined;
  private remaining = 0;
  private startedAt = 0;

  constructor() {
    super();
    this.toast = null;
  }

  show(options: ToastOptions): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.toast = options;
    this.remaining = options.durationMs ?? DEFAULT_DURATION_MS;
    this.resume();
    if (options.focusAction) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLButtonElement>('button.action')?.focus());
  }

  dismiss(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.toast = null;
  }

  private pause(): void {
    if (!this.timer) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.remaining = Math.max(1_000, this.remaining - (Date.now() - this.startedAt));
  }

  private resume(): void {
    if (this.timer || !this.toast) return;
    this.startedAt = Date.now();
    this.timer = setTimeout(() => this.dismiss(), this.remaining);
  }

  /** Focus and pointer events arrive in pairs; decide once both have settled. */
  private readonly onLeave = () => {
    setTimeout(() => {
      if (!this.matches(':focus-within') && !this.matches(':hover')) this.resume();
    });
  };

  private async run(action: NonNullable<ToastOptions['action']>): Promise<void> {
    this.dismiss();
    await action.run();
  }

  override render(): TemplateResult {
    const t = this.toast;
    return html`<div role="status" @mouseenter=${() => this.pause()} @mouseleave=${this.onLeave}
      @focusin=${() => this.pause()} @focusout=${this.onLeave}
      @keydown=${(e: KeyboardEvent) => { if (e.key === 'Escape') this.dismiss(); }}>
      ${t ? html`<div class="card">
        <p class="message">${t.message}</p>
        <div class="buttons">
          ${t.action ? html`<button class="action primary" @click=${() => void this.run(t.action!)}>${t.action.label}</button>` : null}
          <button @click=${() => this.dismiss()}>Dismiss</button>
        </div>
      </div>` : null}
    </div>`;
  }
}

customElements.define('nm-toast', NmToast);
declare global {
  interface HTMLElementTagNameMap { 'nm-toast': NmToast }
}

/** Shows a toast, creating the one `<nm-toast>` in document.body on first use. */
export function showToast(options: ToastOptions): void {
  const existing = document.querySelector('nm-toast');
  if (existing) {
    existing.show(options);
    return;
  }
  // A live region must be in the document before its text changes, or screen readers stay silent.
  const toast = document.createElement('nm-toast');
  document.body.append(toast);
  requestAnimationFrame(() => toast.show(options));
}
