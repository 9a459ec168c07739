import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import { fitFor, fitLine, type StoryFit } from '../../app/story-fit';
import { LiveQueryController } from '../live-query-controller';

/**
 * `<nm-story-fit story-id=…>`: "Used 3 of your 5 learning words · 96 % known for you" for a story
 * written to fit the learner (issue 14). Live: it appears once the story's annotate job has written
 * its words, and follows the learner's word states after that. Renders nothing until then (and when
 * the story's words never arrive), so a row does not promise a figure it may never get.
 */
export class NmStoryFit extends LitElement {
  static override properties = { storyId: { type: String, attribute: 'story-id' } };
  declare storyId: string;

  static override styles = css`
    :host { display: block; font-size: 0.9rem; }
  `;

  private readonly fit = new LiveQueryController<StoryFit | null>(this, () => fitFor(this.storyId));

  constructor() {
    super();
    this.storyId = '';
  }

  override updated(changed: Map<string, unknown>): void {
    if (changed.has('storyId') && changed.get('storyId') !== undefined) this.fit.refresh();
  }

  override render(): TemplateResult | typeof nothing {
    const fit = this.fit.value;
    if (!fit) return nothing;
    return html`<span data-testid="story-fit">${fitLine(fit)}</span>`;
  }
}

customElements.define('nm-story-fit', NmStoryFit);
declare global {
  interface HTMLElementTagNameMap { 'nm-story-fit': NmStoryFit }
}
