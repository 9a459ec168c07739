import { deleteAllStories, deleteStory, deleteStoryMedia, restoreDeletedStory } from '../db/library-repo';

/**
 * Library changes the learner starts from a button. A single delete can be undone for as long as the
 * page keeps the returned handle (the toast's ~10 s); "delete all" sits behind a confirmation instead.
 */
export interface UndoableDeletion {
  storyId: string;
  title: string;
  /** Puts text, progress and media back; a second call does nothing. */
  undo(): Promise<void>;
}

export async function deleteStoryWithUndo(storyId: string): Promise<UndoableDeletion | null> {
  const snapshot = await deleteStory(storyId);
  if (!snapshot) return null;
  let undone: Promise<void> | undefined;
  return {
    storyId,
    title: snapshot.story.titleJP,
    undo: () => {
      undone ??= restoreDeletedStory(snapshot);
      return undone;
    },
  };
}

/** @returns how many stories were deleted. */
export function deleteWholeLibrary(): Promise<number> {
  return deleteAllStories();
}

/** Frees a story's audio and pictures, keeping its text and progress. @returns bytes freed. */
export function freeStoryMedia(storyId: string): Promise<number> {
  return deleteStoryMedia(storyId);
}
