import { markStoryKnown, setWordState, undoWordChanges, type WordChange } from '../../db/words-repo';
import type { WordPlace } from '../../domain/words';
import { splitWordKey, type WordState } from '../../domain/words-key';
import { showToast } from '../toast';
import type { StateSaid } from './word-popover';

/**
 * The Reader's writes to the words store (issue 14), each followed by what it did, with Undo. The page
 * does not redraw anything itself: its live query of the word states sees the commit and every
 * occurrence of the word in the story changes in the same render.
 */

const SAID: Record<WordState, string> = { known: 'you know it', learning: 'you are learning it, and it is in Review now', new: 'back to new' };

/**
 * "I know this", "Learning", "Back to new" in the word popover. What it did, and its Undo, is said
 * through `say` — inside the popover, which is a modal dialog: a toast outside it could be neither
 * reached nor heard while it is open.
 */
export async function changeWordState(key: string, state: WordState, where: WordPlace, say: (said: StateSaid) => void): Promise<void> {
  const word = splitWordKey(key).base;
  try {
    const change = await setWordState(key, state, where);
    const undo = async () => {
      try {
        await undoWordChanges([change]);
        say({ message: `${word} is as it was.` });
      } catch {
        say({ message: `${word} could not be put back on this device; try again.` });
      }
    };
    say({ message: `${word}: ${SAID[state]}.`, undo: () => void undo() });
  } catch {
    say({ message: `${word} could not be saved on this device. Nothing changed; try again.` });
  }
}

/** The end of a story: every word not yet learning or known becomes known. */
export async function markRestKnown(storyId: string): Promise<void> {
  try {
    const changes = await markStoryKnown(storyId);
    if (changes.length === 0) {
      showToast({ message: 'Every word of this story was already learning or known.' });
      return;
    }
    const count = changes.length === 1 ? '1 word' : `${changes.length} words`;
    // The button goes away with the words it marked: focus goes to Undo rather than the document's top.
    showToast({ message: `Marked ${count} of this story as known.`, action: undoAction(changes, `Those ${count} are as they were.`), focusAction: true });
  } catch {
    showToast({ message: 'The words could not be saved on this device. Nothing changed; try again.' });
  }
}

function undoAction(changes: readonly WordChange[], undone: string): { label: string; run: () => Promise<void> } {
  return {
    label: 'Undo',
    run: async () => {
      await undoWordChanges(changes);
      showToast({ message: undone, durationMs: 4_000 });
    },
  };
}
