import { navigate, type Route } from '../app/router';
import type { FinishedStory } from '../app/story-finished';
import { showToast } from './toast';

/**
 * The older app's "your story is ready" toast: when a story finishes while the learner is on any
 * page but the Queue (which shows it in its own list), a toast names it with a "Read" button.
 * Several at once get one toast leading to the Library. The watcher loads after the first paint.
 *
 * @returns a stop function; stopping before the watcher loaded cancels it.
 */
export function startStoryFinishedToasts(currentRoute: () => Route): () => void {
  let stop: (() => void) | undefined;
  let stopped = false;
  void import('../app/story-finished').then(({ watchFinishedStories }) => {
    if (!stopped) stop = watchFinishedStories((stories) => announce(stories, currentRoute()));
  });
  return () => {
    stopped = true;
    stop?.();
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
