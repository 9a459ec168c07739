import type { Annotation } from '../domain/annotations';
import { getDb } from './database';

/**
 * Reading a story's words, apart from annotations-repo.ts: its writes validate with zod, and the
 * Reader, which only reads them, draws its first sentences without loading zod.
 */
export async function getAnnotation(storyId: string): Promise<Annotation | undefined> {
  return getDb().annotations.get(storyId);
}
