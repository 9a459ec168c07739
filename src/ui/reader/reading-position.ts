import type { ReadingPosition } from '../../domain/progress';

/**
 * Reading position as "segment index + how far into it", which survives font-size changes and
 * different screens better than a raw scroll offset. Only measuring and scrolling happen here; the
 * page saves through app/reading-progress.ts.
 */

/** The first segment whose bottom is below the top of the viewport is the one being read. */
export function currentPosition(segments: readonly Element[], viewportTop = 0): ReadingPosition {
  const doc = document.documentElement;
  const scrollable = Math.max(1, doc.scrollHeight - window.innerHeight);
  const percent = Math.min(100, Math.max(0, (window.scrollY / scrollable) * 100));
  for (let i = 0; i < segments.length; i++) {
    const rect = segments[i]!.getBoundingClientRect();
    if (rect.bottom > viewportTop) {
      const offset = rect.height > 0 ? Math.min(1, Math.max(0, (viewportTop - rect.top) / rect.height)) : 0;
      return { percent, segmentIndex: i, segmentOffset: offset };
    }
  }
  return { percent, segmentIndex: Math.max(0, segments.length - 1), segmentOffset: 0 };
}

/** Scrolls so the saved segment is back at the top, at the saved fraction of its height. */
export function restorePosition(segments: readonly Element[], position: ReadingPosition, viewportTop = 0): void {
  const target = segments[Math.min(position.segmentIndex, segments.length - 1)];
  if (!target) return;
  const rect = target.getBoundingClientRect();
  const y = window.scrollY + rect.top - viewportTop + rect.height * position.segmentOffset;
  window.scrollTo({ top: Math.max(0, y), behavior: 'instant' });
}

/** The sentence a `#s<N>` link points at (0-based), or null when the hash names none of the story's. */
export function linkedSegment(hash: string, count: number): number | null {
  const match = /^#s(\d{1,5})$/.exec(hash);
  const index = match ? Number(match[1]) : -1;
  return index >= 0 && index < count ? index : null;
}

/** The Reader's URL at one sentence (what a Review card links back to). */
export function sentenceHref(storyId: string, segment: number): string {
  return `/story/${storyId}#s${segment}`;
}
