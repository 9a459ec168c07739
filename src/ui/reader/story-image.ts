import type { Subscription } from 'dexie';
import { liveQuery } from 'dexie';
import { css, html, LitElement, type PropertyValues, type TemplateResult } from 'lit';
import { getMedia } from '../../db/media-repo';
import { COVER_INDEX } from '../../domain/media-plan';

/**
 * `<nm-story-image .storyId .index alt>`: a stored picture (the cover, index -1, or a paragraph's),
 * shown offline from IndexedDB. Lazy: the blob is read only once the element comes near the
 * viewport; it becomes an object URL, revoked when the picture changes or the element goes away.
 * The box keeps a square shape while loading, so the text around it does not jump.
 */
export class NmStoryImage extends LitElement {
  static override properties = {
    storyId: { attribute: false },
    index: { type: Number },
    alt: { type: String },
    src: { state: true },
  };
  declare storyId: string;
  declare index: number;
  declare alt: string;
  declare src: string | null;

  static override styles = css`
    :host { display: block; }
    .frame { aspect-ratio: 1 / 1; width: 100%; border-radius: 0.75rem; overflow: hidden; background: var(--nm-border); }
    img { display: block; width: 100%; height: 100%; object-fit: cover; }
  `;

  private observer: IntersectionObserver | undefined;
  private subscription: Subscription | undefined;
  private visible = false;

  constructor() {
    super();
    this.storyId = '';
    this.index = COVER_INDEX;
    this.alt = '';
    this.src = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (typeof IntersectionObserver === 'undefined') {
      this.visible = true;
      this.subscribe();
      return;
    }
    this.observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        this.observer?.disconnect();
        this.visible = true;
        this.subscribe();
      },
      { rootMargin: '400px 0px' },
    );
    this.observer.observe(this);
  }

  override disconnectedCallback(): void {
    this.observer?.disconnect();
    this.subscription?.unsubscribe();
    this.subscription = undefined;
    this.show(null);
    super.disconnectedCallback();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('storyId') || changed.has('index')) && this.visible) this.subscribe();
  }

  private subscribe(): void {
    this.subscription?.unsubscribe();
    const { storyId, index } = this;
    this.subscription = liveQuery(() => getMedia(storyId, 'image', index)).subscribe({
      next: (row) => this.show(row ? URL.createObjectURL(row.blob) : null),
      error: () => this.show(null),
    });
  }

  private show(url: string | null): void {
    if (this.src) URL.revokeObjectURL(this.src);
    this.src = url;
  }

  override render(): TemplateResult {
    return html`<div class="frame">${this.src ? html`<img src=${this.src} alt=${this.alt} decoding="async" />` : null}</div>`;
  }
}

customElements.define('nm-story-image', NmStoryImage);
declare global {
  interface HTMLElementTagNameMap { 'nm-story-image': NmStoryImage }
}
