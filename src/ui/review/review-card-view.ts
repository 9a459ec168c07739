import { html, nothing, type TemplateResult } from 'lit';
import type { ReviewFace } from '../../app/review-session';
import { COVER_INDEX } from '../../domain/media-plan';
import { wordFurigana } from '../reader/furigana-text';
import { sentenceHref } from '../reader/reading-position';
import '../reader/story-image';

/**
 * A review card's two faces as lit templates (text nodes only: story text is model output).
 * Front: the sentence the word was met in, the word marked and its reading hidden (the other words
 * keep their furigana). Back: the word's reading and meaning, the sentence's translation, its
 * narration and the story's picture when this device has them, and a link to that sentence.
 */
export function cardFront(face: ReviewFace): TemplateResult {
  // <mark> is not announced by most screen readers: the asked word is said first (its form only).
  return html`<p class="sr">The word asked: <span lang="ja">${face.word}</span>.</p>${markedSentence(face)}`;
}

function markedSentence(face: ReviewFace): TemplateResult {
  const { tokens, wordToken, sentence, readings } = face;
  if (wordToken >= 0 && tokens.map((t) => t.surface).join('') === sentence) {
    return html`<p class="sentence" lang="ja">${tokens.map((t, i) =>
      i === wordToken ? html`<mark>${t.surface}</mark>` : wordFurigana(t, readings, true),
    )}</p>`;
  }
  const at = sentence ? sentence.indexOf(face.word) : -1;
  if (at >= 0) {
    return html`<p class="sentence" lang="ja">${sentence.slice(0, at)}<mark>${face.word}</mark>${sentence.slice(at + face.word.length)}</p>`;
  }
  return html`<p class="sentence" lang="ja"><mark>${face.word}</mark></p>${sentence ? html`<p class="sentence" lang="ja">${sentence}</p>` : nothing}`;
}

export function cardBack(face: ReviewFace, audioUrl: string | null): TemplateResult {
  return html`<div class="back">
    <p class="answer"><span lang="ja" class="word">${face.word}</span>${face.reading ? html` <span lang="ja" class="reading">【${face.reading}】</span>` : nothing}</p>
    <p class="meaning">${face.meaning || html`<span class="muted">No meaning stored for this word.</span>`}</p>
    ${face.translation ? html`<p class="translation">${face.translation}</p>` : nothing}
    ${face.hasAudio && audioUrl ? html`<audio controls preload="none" src=${audioUrl} aria-label="The sentence, narrated"></audio>` : nothing}
    ${face.hasCover && face.storyId
      ? html`<nm-story-image class="cover" .storyId=${face.storyId} index=${COVER_INDEX} alt=${`Picture of the story ${face.storyTitle}`}></nm-story-image>`
      : nothing}
    ${face.storyId
      ? html`<p><a href=${sentenceHref(face.storyId, face.segment)}>Read this sentence in <span lang="ja">${face.storyTitle}</span></a></p>`
      : html`<p class="muted">The story this word came from is no longer in your library.</p>`}
  </div>`;
}
