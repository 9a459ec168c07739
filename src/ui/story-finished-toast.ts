import { whenPageShown } from '../app/first-paint';
import { navigate, type Route } from '../app/router';
import { storageReady } from '../app/storage-ready';
import type { FinishedStory } from '../app/story-finished';
import { showToast } from './toast';

/**
 * The older app's "your story is ready" toast: when a story finishes while the learner is on any
 * page but the Queue (which shows it in its own list), a toast names it with a "Read" button.
 * Several at once get one toast leading to the Library. The same goes for a job that failed and
 * for narration or pictures that are ready (`job-outcome-toast.ts`). The watchers load after the
 * first paint.
 *
 * @returns a stop function; stopping before the watchers loaded cancels them.
 */
export function startStoryFinishedToasts(currentRoute: () => Route): () => void {
  const stops: (() => void)[] = [];
  let stopped = false;
  const since = Date.now();
  // Once the page's content is on screen (first-paint.ts) and storage is open; what finished meanwhile still counts (`since`).
  void whenPageShown().then(storageReady).then(() => {
    if (stopped) return;
    void import('../app/story-finished').then(({ watchFinishedStories }) => {
      if (!stopped) stops.push(watchFinishedStories((stories) => announce(stories, currentRoute()), since));
    });
    void Promise.all([import('../app/job-outcomes'), import('./job-outcome-toast')]).then(([{ watchJobOutcomes }, { outcomeToast }]) => {
      if (stopped) return;
      stops.push(watchJobOutcomes((outcomes) => {
        const toast = outcomeToast(outcomes, currentRoute(), Date.now());
        if (toast) showToast(toast);
      }, since));
    });
  });
  return () => {
    stopped = true;
    for (const stop of stops) stop();
  };
}

function announce(stories: readonly FinishedStory[], route: Route): void {
  if (route.name === 'queue') return;
  const [first] = stories;
  if (!first) return;
  if (stories.length === 1) {
    showToast({ message: `Your story “${first.title}” is ready.`, action: { label: 'Read', run: () => navigate(`/story/${first.id}`) } });
    return;
  }
  showToast({ message: `${stories.length} new stories are ready.`, action: { label: 'Open the Library', run: () => navigate('/library') } });
}
