import { html, type TemplateResult } from 'lit';
import { DEFAULT_SETTINGS } from '../../src/domain/default-settings';
import { SAMPLE_ANNOTATIONS } from '../../src/domain/samples/sample-annotations';
import { furiganaModeOf } from '../../src/domain/settings-options';
import type { Story } from '../../src/domain/story';
import { coverageText } from '../../src/domain/words-comfort';
import { mediaMissing, mediaPanelStyles, renderMediaSection, renderOffer } from '../../src/ui/reader/media-offers';
import { playerStyles } from '../../src/ui/reader/player-bar';
import { progressBarStyles, renderProgressBar } from '../../src/ui/reader/progress-bar';
import { renderReaderToolbar, renderSegmentItem, renderStoryHeading } from '../../src/ui/reader/reader-parts';
import { readerStyles } from '../../src/ui/reader/reader-styles';
import { FIRST_BATCH } from '../../src/ui/reader/sentence-batches';
import { renderStillSentenceWords, sentenceWords } from '../../src/ui/reader/sentence-words';
import { storyWordsSummary } from '../../src/ui/reader/story-coverage';
import { lookByKey } from '../../src/ui/reader/word-look';
import type { ScopedStyles } from './prerendered-pages';

/**
 * A sample story's Reader as a first visit opens it (default settings, nothing read, no media,
 * nothing known): what `<nm-reader-page>` draws in its first frame, from the same parts
 * (reader-parts.ts, media-offers.ts, sentence-words.ts). Its first sentences only, as the live
 * first frame has (sentence-batches.ts); the rest arrive live, below the first screen. Their words
 * are the live page's word elements without anything to open (renderStillSentenceWords).
 */
export function firstVisitReader(story: Story): TemplateResult {
  const s = DEFAULT_SETTINGS;
  const annotation = SAMPLE_ANNOTATIONS.find((a) => a.storyId === story.id);
  if (!annotation) throw new Error(`prerender: the sample ${story.id} has no annotation`);
  const words = storyWordsSummary(annotation, undefined);
  const look = lookByKey(furiganaModeOf(s), s.highlightLearning !== false, undefined);
  const stored = { audio: [], images: [] };
  const missing = mediaMissing(story, stored);
  // `<nm-delete-story-button>`'s own button (delete-story-button.ts), in its host's stand-in.
  const deleteButton = html`<div class="nm-part"><button type="button" disabled>Delete story</button></div>`;
  return html`<article class=${s.viewMode} lang="en">
    ${renderProgressBar(undefined)}
    ${renderStoryHeading(story, words ? coverageText(words.coverage) : null)}
    ${renderReaderToolbar(s, false, deleteButton)}
    <div class="nm-part nm-media-panel">${renderMediaSection(renderOffer('audio', missing, stored), renderOffer('image', missing, stored))}</div>
    <ol class="segments" aria-busy="true">
      ${story.content.slice(0, FIRST_BATCH).map((seg, i) =>
        renderSegmentItem(seg, i, { narrated: false, speaking: false, showEnglish: s.showEnglish }, renderStillSentenceWords(sentenceWords(seg, annotation.segments[i]), seg.readings, look)),
      )}
    </ol>
  </article>`;
}

/** `<nm-reader-page>`'s styles and those of the parts with a shadow root of their own. */
export function readerPageStyles(): ScopedStyles[] {
  return [
    { part: 'nm-page', css: [readerStyles, playerStyles, progressBarStyles].map((c) => c.cssText).join('\n') },
    { part: 'nm-media-panel', css: mediaPanelStyles.cssText },
  ];
}
