import { type Annotation, AnnotationSchema, fitAnnotation } from '../domain/annotations';
import { getDb } from './database';

/**
 * A story's words (issue 13), one row per story in `annotations`. Every write is checked against
 * the schema and fitted to the story as stored, so a row in this table always has tokens that add
 * up to their sentences, whoever wrote it (the annotate job, an import, a pull).
 */
export async function getAnnotation(storyId: string): Promise<Annotation | undefined> {
  return getDb().annotations.get(storyId);
}

export type SaveAnnotationResult =
  | { saved: true; repairedSegments: number }
  | { saved: false; reason: 'invalid' | 'no-story' | 'older' };

/**
 * Writes an annotation for a stored story. An older row than the one stored is not written (an old
 * import or a late pull never rewinds newer words); `force` is for the annotate job, whose answer is
 * always the newest.
 */
export async function saveAnnotation(raw: unknown, options: { force?: boolean } = {}): Promise<SaveAnnotationResult> {
  const parsed = AnnotationSchema.safeParse(raw);
  if (!parsed.success) return { saved: false, reason: 'invalid' };
  const db = getDb();
  return db.transaction('rw', db.stories, db.annotations, async () => {
    const story = await db.stories.get(parsed.data.storyId);
    if (!story) return { saved: false, reason: 'no-story' } as const;
    const stored = await db.annotations.get(story.id);
    if (!options.force && stored && stored.updatedAt >= parsed.data.updatedAt) return { saved: false, reason: 'older' } as const;
    const { annotation, repairedSegments } = fitAnnotation(parsed.data, story);
    await db.annotations.put(annotation);
    return { saved: true, repairedSegments } as const;
  });
}

/** Every annotation of stories still in the library (the export's snapshot; see backup-repo.ts). */
export async function allAnnotations(): Promise<Annotation[]> {
  const db = getDb();
  return db.transaction('r', db.stories, db.annotations, async () => {
    const ids = new Set(await db.stories.toCollection().primaryKeys());
    return (await db.annotations.toArray()).filter((a) => ids.has(a.storyId));
  });
}

export async function deleteAnnotation(storyId: string): Promise<void> {
  await getDb().annotations.delete(storyId);
}

