import { html, LitElement, type TemplateResult } from 'lit';
import { updatePreferences } from '../../app/preferences';
import { loadSettings } from '../../db/settings-repo';
import { DEFAULT_SETTINGS } from '../../domain/default-settings';
import type { Settings } from '../../domain/settings';
import { FONT_SIZES, FURIGANA_MODES, type FuriganaMode, furiganaModeOf, furiganaModePatch, THEMES, VIEW_MODES } from '../../domain/settings-options';
import { LiveQueryController } from '../live-query-controller';
import { readFailure } from '../load-error';
import { sharedStyles } from '../shared-styles';
import { settingsStyles } from './settings-styles';

const THEME_LABELS: Record<(typeof THEMES)[number], string> = {
  light: 'Light',
  dark: 'Dark',
  system: 'System (follow this device)',
};
const FONT_LABELS: Record<(typeof FONT_SIZES)[number], string> = { small: 'Small', medium: 'Medium', large: 'Large' };
const VIEW_LABELS: Record<(typeof VIEW_MODES)[number], string> = {
  'side-by-side': 'Side by side (Japanese and English in columns on wide screens)',
  stacked: 'Stacked (English under each Japanese sentence)',
};
const FURIGANA_LABELS: Record<FuriganaMode, string> = {
  all: 'Over every word',
  unknown: 'Only over words you do not know yet',
  none: 'None (tap a word to see its reading)',
};

/**
 * `<nm-settings-appearance>`: theme, reader text size, layout, furigana (every word, words not
 * known yet, none), the highlight of words being learnt, and whether the English translation shows. Every change is saved and applied at once; the Reader's own
 * toggles change the same preferences.
 */
export class NmSettingsAppearance extends LitElement {
  static override styles = [sharedStyles, settingsStyles];

  private readonly settings = new LiveQueryController<Settings>(this, loadSettings);

  private radios<T extends string>(name: string, legend: string, values: readonly T[], labels: Record<T, string>, current: T, key: 'theme' | 'fontSize' | 'viewMode'): TemplateResult {
    return html`<fieldset>
      <legend>${legend}</legend>
      <div class="choices">
        ${values.map((value) => html`<label class="choice">
          <input type="radio" name=${name} .value=${value} .checked=${current === value}
            @change=${() => void updatePreferences({ [key]: value })} />
          ${labels[value]}
        </label>`)}
      </div>
    </fieldset>`;
  }

  private furigana(current: FuriganaMode): TemplateResult {
    return html`<fieldset>
      <legend>Furigana (readings above kanji)</legend>
      <div class="choices">
        ${FURIGANA_MODES.map((mode) => html`<label class="choice">
          <input type="radio" name="furigana" .value=${mode} .checked=${current === mode} @change=${() => void updatePreferences(furiganaModePatch(mode))} />
          ${FURIGANA_LABELS[mode]}
        </label>`)}
      </div>
    </fieldset>`;
  }

  private checkbox(label: string, key: 'highlightLearning' | 'showEnglish', checked: boolean): TemplateResult {
    return html`<label class="choice">
      <input type="checkbox" .checked=${checked} @change=${(e: Event) => void updatePreferences({ [key]: (e.target as HTMLInputElement).checked })} />
      ${label}
    </label>`;
  }

  override render(): TemplateResult {
    const failure = readFailure('your preferences', this.settings);
    if (failure) return html`<section aria-labelledby="appearance-h"><h2 id="appearance-h">Appearance</h2>${failure}</section>`;
    const s = this.settings.value ?? DEFAULT_SETTINGS;
    return html`<section aria-labelledby="appearance-h">
      <h2 id="appearance-h">Appearance</h2>
      ${this.radios('theme', 'Theme', THEMES, THEME_LABELS, s.theme, 'theme')}
      ${this.radios('font-size', 'Text size in stories', FONT_SIZES, FONT_LABELS, s.fontSize, 'fontSize')}
      ${this.radios('view-mode', 'Layout of a story', VIEW_MODES, VIEW_LABELS, s.viewMode, 'viewMode')}
      ${this.furigana(furiganaModeOf(s))}
      <fieldset>
        <legend>When a story opens</legend>
        <div class="choices">
          ${this.checkbox('Underline the words you are learning', 'highlightLearning', s.highlightLearning !== false)}
          ${this.checkbox('Show the English translation', 'showEnglish', s.showEnglish)}
        </div>
      </fieldset>
    </section>`;
  }
}

customElements.define('nm-settings-appearance', NmSettingsAppearance);
declare global {
  interface HTMLElementTagNameMap { 'nm-settings-appearance': NmSettingsAppearance }
}
