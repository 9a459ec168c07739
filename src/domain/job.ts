import { z } from 'zod';
import { LevelSchema, StoryLengthSchema } from './story';

export * from './job-row';

export const StoryJobParamsSchema = z.object({
  topic: z.string().trim().min(1, 'Enter a topic').max(200, 'Keep the topic under 200 characters'),
  level: LevelSchema,
  length: StoryLengthSchema,
  instructions: z.string().max(1000, 'Keep instructions under 1000 characters').default(''),
});

export const AudioJobParamsSchema = z.object({
  storyId: z.uuid(),
  voice: z.string().min(1).optional(),
});

export const ImageJobParamsSchema = z.object({
  storyId: z.uuid(),
  /** `cover` = one picture; `paragraphs` = cover plus one per segment that has an imagePrompt. */
  scope: z.enum(['cover', 'paragraphs']).default('cover'),
});

export const JOB_PARAMS_SCHEMAS = {
  story: StoryJobParamsSchema,
  audio: AudioJobParamsSchema,
  image: ImageJobParamsSchema,
} as const;

export type JobParams = {
  story: z.infer<typeof StoryJobParamsSchema>;
  audio: z.infer<typeof AudioJobParamsSchema>;
  image: z.infer<typeof ImageJobParamsSchema>;
};

/** What a caller passes to `enqueue` (fields with defaults may be left out). */
export type JobParamsInput = {
  story: z.input<typeof StoryJobParamsSchema>;
  audio: z.input<typeof AudioJobParamsSchema>;
  image: z.input<typeof ImageJobParamsSchema>;
};

