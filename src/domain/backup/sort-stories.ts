import { restoredId } from '../ids';
import { type Story, StorySchema } from '../story';
import { storyProblems, storyRejectionReason, storyTitle } from './issue-text';
import { STORY_REASONS } from './messages';

/**
 * Judges each story of a file on its own, so one bad story never costs the learner the good ones,
 * and decides its id in this library: a story deleted here (a local tombstone) comes back as a new
 * copy, because the deletion is final once synced and the next pull would delete it again.
 */
export interface ExistingLibrary {
  /** Ids of every story already stored. */
  ids: ReadonlySet<string>;
  /** Deleted stories here: story id → deletedAt (epoch ms). */
  tombstones?: ReadonlyMap<string, number>;
}

export interface RejectedStory {
  /** 0-based position in the file's stories list. */
  index: number;
  title: string | null;
  /** One sentence naming the story and what is wrong with it. */
  reason: string;
  /** Every problem found, when there is more than one (the reason names only the first). */
  problems?: string[];
}

export interface PresentStory {
  index: number;
  id: string;
  title: string;
}

export interface RestoredStory extends PresentStory {
  /** The id the story had in the file, which was deleted here. */
  restoredFrom: string;
}

export interface SortedStories {
  new: Story[];
  /** Present stories as parsed, for progress that belongs to them. */
  presentStories: Story[];
  alreadyPresent: PresentStory[];
  rejected: RejectedStory[];
  /** Among `new`: deleted here, restored under a new id. */
  restored: RestoredStory[];
  /** The file's (or candidate's) story id → the id it has in this library. */
  idMap: Map<string, string>;
}

/** Enough for any real history of delete-restore-delete; bounds a crafted tombstone chain. */
const MAX_RESTORE_HOPS = 16;

/** Follows tombstones: a deleted id maps to its copy's id, which may itself have been deleted. */
function libraryId(id: string, existing: ExistingLibrary): string {
  let current = id;
  for (let hop = 0; hop < MAX_RESTORE_HOPS && !existing.ids.has(current); hop++) {
    const deletedAt = existing.tombstones?.get(current);
    if (deletedAt === undefined) break;
    current = restoredId(current, deletedAt);
  }
  return current;
}

export function sortStories(raw: readonly unknown[], candidates: readonly unknown[], existing: ExistingLibrary): SortedStories {
  const result: SortedStories = { new: [], presentStories: [], alreadyPresent: [], rejected: [], restored: [], idMap: new Map() };
  const firstIndexById = new Map<string, number>();
  const remapped = new Set<string>();
  candidates.forEach((candidate, index) => {
    const parsed = StorySchema.safeParse(candidate);
    if (!parsed.success) {
      const { issues } = parsed.error;
      const reason = storyRejectionReason(issues, candidate, index);
      const problems = issues.length > 1 ? storyProblems(issues, candidate) : undefined;
      result.rejected.push({ index, title: storyTitle(raw[index]), reason, ...(problems ? { problems } : {}) });
      return;
    }
    const fileId = parsed.data.id;
    const id = libraryId(fileId, existing);
    const story: Story = id === fileId ? parsed.data : { ...parsed.data, id, restoredFrom: fileId };
    const first = firstIndexById.get(id);
    if (first !== undefined) {
      // A file holding both a story and its restored copy: the same story, not a fault of the file.
      if (id !== fileId || remapped.has(id)) {
        result.idMap.set(fileId, id);
        return;
      }
      const reason = `${STORY_REASONS.storyLabel(index, story.titleJP)} ${STORY_REASONS.duplicateInFile(first)}`;
      result.rejected.push({ index, title: story.titleJP, reason });
      return;
    }
    firstIndexById.set(id, index);
    result.idMap.set(fileId, id);
    if (id !== fileId) remapped.add(id);
    if (existing.ids.has(id)) {
      result.presentStories.push(story);
      result.alreadyPresent.push({ index, id, title: story.titleJP });
      return;
    }
    result.new.push(story);
    if (id !== fileId) result.restored.push({ index, id, title: story.titleJP, restoredFrom: fileId });
  });
  return result;
}
