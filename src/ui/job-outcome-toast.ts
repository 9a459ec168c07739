import { navigate, type Route } from '../app/router';
import type { JobOutcome } from '../app/job-outcomes';
import { jobStatus, jobTitle } from './queue/describe-job';
import type { ToastOptions } from './toast';

type MediaReady = Extract<JobOutcome, { kind: 'media-ready' }>;

/**
 * The toast for jobs that ended while the learner is elsewhere (the Queue shows them in its own
 * list): a failure with the Queue's wording and "Open the Queue"; narration or pictures that are
 * ready with "Open the story" — unless that story is what the learner is reading, where the Reader
 * shows them itself. A failure outweighs good news in the same batch: it is what needs acting on.
 * Pure (no DOM), so what it says is unit-tested.
 */
export function outcomeToast(outcomes: readonly JobOutcome[], route: Route, now: number): ToastOptions | null {
  if (route.name === 'queue') return null;
  const failed = outcomes.filter((o) => o.kind === 'failed');
  const openQueue = { label: 'Open the Queue', run: () => navigate('/queue?show=failed') };
  const [firstFailure] = failed;
  if (firstFailure) {
    if (failed.length > 1) return { message: `${failed.length} jobs failed.`, action: openQueue };
    const { job, storyTitle } = firstFailure;
    return { message: `Job failed — ${jobTitle(job, storyTitle)}: ${jobStatus(job, now).text}`, action: openQueue };
  }
  const ready = outcomes.filter((o): o is MediaReady => o.kind === 'media-ready' && !(route.name === 'story' && route.id === o.storyId));
  const [first] = ready;
  if (!first) return null;
  const what = ready.every((o) => o.media === first.media) ? (first.media === 'audio' ? 'Narration' : 'Pictures') : 'Narration and pictures';
  const sameStory = ready.every((o) => o.storyId === first.storyId);
  if (!sameStory) return { message: `${what} ready for ${ready.length} stories.`, action: { label: 'Open the Library', run: () => navigate('/library') } };
  return { message: `${what} ready for “${first.storyTitle}”.`, action: { label: 'Open the story', run: () => navigate(`/story/${first.storyId}`) } };
}
