import { html, LitElement, type TemplateResult } from 'lit';
import { deleteStoryWithUndo } from '../app/library-actions';
import { navigate } from '../app/router';
import { sharedStyles } from './shared-styles';
import { showToast } from './toast';

/**
 * `<nm-delete-story-button story-id=…>`: deletes the story (text, progress, media), goes to the
 * Library and offers "Undo" for about ten seconds. Undo puts everything back and reopens the story,
 * where the Reader restores the reading position. No confirmation: the undo is the safety net.
 */
export class NmDeleteStoryButton extends LitElement {
  static override properties = { storyId: { type: String, attribute: 'story-id' }, busy: { state: true } };
  declare storyId: string;
  declare busy: boolean;

  static override styles = [sharedStyles];

  constructor() {
    super();
    this.storyId = '';
    this.busy = false;
  }

  private async deleteNow(): Promise<void> {
    if (!this.storyId || this.busy) return;
    this.busy = true;
    try {
      const deletion = await deleteStoryWithUndo(this.storyId);
      if (!deletion) return;
      navigate('/library');
      requestAnimationFrame(() => window.scrollTo(0, 0));
      showToast({
        message: `Deleted “${deletion.title}”.`,
        focusAction: true,
        action: {
          label: 'Undo',
          run: async () => {
            await deletion.undo();
            if (location.pathname === '/library') navigate(`/story/${deletion.storyId}`);
            showToast({ message: `Restored “${deletion.title}”.`, durationMs: 4_000 });
          },
        },
      });
    } finally {
      this.busy = false;
    }
  }

  override render(): TemplateResult {
    return html`<button type="button" ?disabled=${this.busy} @click=${() => void this.deleteNow()}>Delete story</button>`;
  }
}

customElements.define('nm-delete-story-button', NmDeleteStoryButton);
declare global {
  interface HTMLElementTagNameMap { 'nm-delete-story-button': NmDeleteStoryButton }
}
