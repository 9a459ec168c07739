import { z } from 'zod';
import { newId } from '../domain/ids';
import type { JobParamsInput, JobRow } from '../domain/job';
import { APP_VERSION } from '../domain/worker-protocol';
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

/**
 * Everything needed to write the same rows in any context: the request, ids minted once, the
 * clock reading and the writer's version. The page and the worker both write from one plan, and
 * whichever commits second finds every row there already, so two writes make one group.
 */
export interface GroupPlan extends GroupOptions {
  request: GroupRequest;
  /**
   * Audio and image ids are minted even when unused, so a plan is a fixed shape. `annotate` is the
   * story's word list, queued with every story; a plan from an older page has no such id and
   * writes no annotate job (the Reader can still ask for one later).
   */
  ids: { group: string; story: string; audio: string; image: string; annotate?: string };
  now: number;
  version: string;
}

export interface EnqueuedGroup {
  groupId: string;
  story: JobRow<'story'>;
  audio: JobRow<'audio'> | null;
  image: JobRow<'image'> | null;
  annotate: JobRow<'annotate'> | null;
}

function settings<T extends object>(value: boolean | T | undefined): T | null {
  if (value === undefined || value === false) return null;
  return value === true ? ({} as T) : value;
}

export function planGroup(request: GroupRequest, options: GroupOptions = {}): GroupPlan {
  return {
    request,
    ids: { group: newId(), story: newId(), audio: newId(), image: newId(), annotate: newId() },
    now: options.now ?? Date.now(),
    version: APP_VERSION,
    ...(options.priority === undefined ? {} : { priority: options.priority }),
    ...(options.maxAttempts === undefined ? {} : { maxAttempts: options.maxAttempts }),
  };
}

/**
 * The plan's rows, validated: invalid params in any of them throw (a permanent JobFailure) before
 * anything is written or sent. A generated story's id IS its job's id, so the audio and image jobs
 * name the story job's id as `storyId` and depend on it: they wait until the story exists. So does
 * the annotate job, which asks for the story's words in requests of its own: the story call stays
 * as small and fast as it was.
 */
export function buildGroupRows(
  plan: GroupPlan,
): [JobRow<'story'>, JobRow<'audio'> | null, JobRow<'image'> | null, JobRow<'annotate'> | null] {
  const { request, ids } = plan;
  const common = { groupId: ids.group, priority: plan.priority, maxAttempts: plan.maxAttempts, now: plan.now, version: plan.version };
  const after = { ...common, dependsOn: [ids.story] };
  const story = buildJobRow('story', request.story, { ...common, id: ids.story });
  const narration = settings(request.narrate);
  const illustration = settings(request.illustrate);
  const audio = narration === null ? null : buildJobRow('audio', { ...narration, storyId: ids.story }, { ...after, id: ids.audio });
  const image = illustration === null ? null : buildJobRow('image', { ...illustration, storyId: ids.story }, { ...after, id: ids.image });
  const annotate = ids.annotate === undefined ? null : buildJobRow('annotate', { storyId: ids.story }, { ...after, id: ids.annotate });
  return [story, audio, image, annotate];
}

/** Writes a plan's rows in one transaction (all or nothing); a plan written before is left as it is. */
export async function writeGroup(plan: GroupPlan): Promise<EnqueuedGroup> {
  const [story, audio, image, annotate] = buildGroupRows(plan);
  const stored = await insertJobs([story, ...(annotate ? [annotate] : []), ...(audio ? [audio] : []), ...(image ? [image] : [])]);
  const byId = new Map(stored.map((row) => [row.id, row]));
  return {
    groupId: plan.ids.group,
    // insertJobs returns the stored row for every id (of the same type, or it throws).
    story: (byId.get(story.id) ?? story) as JobRow<'story'>,
    audio: audio === null ? null : ((byId.get(audio.id) ?? audio) as JobRow<'audio'>),
    image: image === null ? null : ((byId.get(image.id) ?? image) as JobRow<'image'>),
    annotate: annotate === null ? null : ((byId.get(annotate.id) ?? annotate) as JobRow<'annotate'>),
  };
}

/** "Story + its words + narration + illustration" as up to four jobs sharing a groupId. */
export function enqueueGroup(request: GroupRequest, options: GroupOptions = {}): Promise<EnqueuedGroup> {
  return writeGroup(planGroup(request, options));
}

const memberSettings = z.union([z.boolean(), z.record(z.string(), z.unknown())]).optional();
const GroupPlanSchema = z.object({
  request: z.object({ story: z.record(z.string(), z.unknown()), narrate: memberSettings, illustrate: memberSettings }),
  // `annotate` is optional: a page of an older version plans no annotate job.
  ids: z.object({ group: z.uuid(), story: z.uuid(), audio: z.uuid(), image: z.uuid(), annotate: z.uuid().optional() }),
  now: z.number(),
  version: z.string().max(100),
  priority: z.number().optional(),
  maxAttempts: z.number().int().positive().optional(),
});

/**
 * A plan received from another context (a message is `unknown`). Checks its shape only: the params
 * themselves are validated by `buildGroupRows`, with this context's schemas, when it is written.
 */
export function parseGroupPlan(value: unknown): GroupPlan | null {
  const parsed = GroupPlanSchema.safeParse(value);
  // The params are a record here; buildJobRow validates them as story/audio/image params.
  return parsed.success ? (parsed.data as GroupPlan) : null;
}
