import { html, nothing, type TemplateResult } from 'lit';
import type { FontSize, Settings } from '../../domain/settings';
import { FONT_SIZES, FURIGANA_MODE_LABELS, FURIGANA_MODES, type FuriganaMode, furiganaModeOf, furiganaModePatch } from '../../domain/settings-options';
import type { Segment, Story } from '../../domain/story';

/**
 * The parts of the Reader above and in its text, in one place with two users: the live page
 * (reader-page.ts) and the build, which prerenders a sample story's first screen into
 * `story/<id>.html` (scripts/build/prerendered-pages.ts), so its text paints before any script.
 * Without actions a control is drawn disabled: it does nothing until the app runs.
 */
export function renderStoryHeading(story: Pick<Story, 'titleJP' | 'titleEN' | 'level' | 'readTime'>, coverage: string | null): TemplateResult {
  return html`<h1><span class="jp" lang="ja">${story.titleJP}</span>${story.titleEN ? html`<span class="en">${story.titleEN}</span>` : null}</h1>
    <div class="meta"><span class="level">${story.level}</span><span class="muted">${story.readTime} min read</span>
      <span class="coverage muted" data-testid="story-coverage">${coverage}</span></div>`;
}

/** Changes the learner's reading preferences (the Settings row, synced). */
export type UpdatePreferences = (patch: Partial<Settings>) => void;

export function renderReaderToolbar(s: Settings, hasPictures: boolean, deleteButton: TemplateResult, update?: UpdatePreferences): TemplateResult {
  const off = !update;
  return html`<div class="toolbar" role="group" aria-label="Reading options">
    <label>Furigana
      <select ?disabled=${off} @change=${(e: Event) => update?.(furiganaModePatch((e.target as HTMLSelectElement).value as FuriganaMode))}>
        ${FURIGANA_MODES.map((m) => html`<option value=${m} ?selected=${furiganaModeOf(s) === m}>${FURIGANA_MODE_LABELS[m]}</option>`)}
      </select>
    </label>
    <button aria-pressed=${String(s.showEnglish)} ?disabled=${off} @click=${() => update?.({ showEnglish: !s.showEnglish })}>Translation</button>
    <button aria-pressed=${String(s.viewMode === 'side-by-side')} ?disabled=${off}
      @click=${() => update?.({ viewMode: s.viewMode === 'side-by-side' ? 'stacked' : 'side-by-side' })}>Side by side</button>
    ${hasPictures ? html`<button aria-pressed=${String(s.showImages)} ?disabled=${off} @click=${() => update?.({ showImages: !s.showImages })}>Pictures</button>` : null}
    <label>Text size
      <select ?disabled=${off} @change=${(e: Event) => update?.({ fontSize: (e.target as HTMLSelectElement).value as FontSize })}>
        ${FONT_SIZES.map((f) => html`<option value=${f} ?selected=${s.fontSize === f}>${f[0]!.toUpperCase() + f.slice(1)}</option>`)}
      </select>
    </label>
    ${deleteButton}
  </div>`;
}

export interface SegmentLook {
  narrated: boolean;
  /** The sentence the player is reading now. */
  speaking: boolean;
  showEnglish: boolean;
}

/** One sentence: its Japanese (`text`: as words or plain, sentence-words.ts), its translation, its picture. */
export function renderSegmentItem(seg: Pick<Segment, 'en'>, i: number, look: SegmentLook, text: TemplateResult, picture: TemplateResult | null = null): TemplateResult {
  const { narrated, speaking } = look;
  return html`<li data-index=${i} class=${[narrated ? 'narrated' : '', speaking ? 'speaking' : ''].join(' ').trim()}
      aria-current=${speaking ? 'true' : nothing} tabindex=${narrated ? '0' : nothing}>
    <p class="seg-jp" lang="ja" data-kana-hint>${text}</p>
    ${look.showEnglish ? html`<p class="seg-en">${seg.en}</p>` : null}
    ${picture}
  </li>`;
}
