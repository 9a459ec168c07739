import type { JobParamsInput, JobRow } from '../domain/job';
import { newId } from '../domain/ids';
import { buildJobRow, insertJobs } from './enqueue';

/** Narration / illustration settings of a group request; `storyId` is filled in here. */
export type NarrationRequest = Omit<JobParamsInput['audio'], 'storyId'>;
export type IllustrationRequest = Omit<JobParamsInput['image'], 'storyId'>;

export interface GroupRequest {
  story: JobParamsInput['story'];
  /** `true` = narrate with default settings. */
  narrate?: boolean | NarrationRequest;
  /** `true` = illustrate with default settings (cover only). */
  illustrate?: boolean | IllustrationRequest;
}

export interface GroupOptions {
  priority?: number;
  maxAttempts?: number;
  /** Clock override (epoch ms). */
  now?: number;
}

export interface EnqueuedGroup {
  groupId: string;
  story: JobRow<'story'>;
  audio: JobRow<'audio'> | null;
  image: JobRow<'image'> | null;
}

function settings<T extends object>(value: boolean | T | undefined): T | null {
  if (value === undefined || value === false) return null;
  return value === true ? ({} as T) : value;
}

/**
 * "Story + narration + illustration" as up to three jobs sharing a groupId, written in one
 * transaction (all or nothing). A generated story's id IS its job's id, so the audio and image jobs
 * name the story job's id as `storyId` and depend on it: they wait until the story exists.
 */
export async function enqueueGroup(request: GroupRequest, options: GroupOptions = {}): Promise<EnqueuedGroup> {
  const groupId = newId();
  const common = { groupId, priority: options.priority, maxAttempts: options.maxAttempts, now: options.now ?? Date.now() };
  // Build every row first: invalid params in any of them throw before anything is written.
  const story = buildJobRow('story', request.story, common);
  const narration = settings(request.narrate);
  const illustration = settings(request.illustrate);
  const audio = narration === null ? null : buildJobRow('audio', { ...narration, storyId: story.id }, { ...common, dependsOn: [story.id] });
  const image =
    illustration === null ? null : buildJobRow('image', { ...illustration, storyId: story.id }, { ...common, dependsOn: [story.id] });
  const stored = await insertJobs([story, ...(audio ? [audio] : []), ...(image ? [image] : [])]);
  const byId = new Map(stored.map((row) => [row.id, row]));
  return {
    groupId,
    // Fresh ids cannot collide, so each stored row is the one built above (waitingFor filled in).
    story: (byId.get(story.id) ?? story) as JobRow<'story'>,
    audio: audio === null ? null : ((byId.get(audio.id) ?? audio) as JobRow<'audio'>),
    image: image === null ? null : ((byId.get(image.id) ?? image) as JobRow<'image'>),
  };
}
