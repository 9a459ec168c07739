import type { z } from 'zod';
import { type Annotation, AnnotationSchema } from '../annotations';
import { ANNOTATION_REASONS } from './messages';

/**
 * The words of a file's stories (issue 13). A file made before annotations existed has none, and
 * imports as before. Each entry stands alone: a malformed one is rejected with its reason and
 * changes nothing else, neither its story nor the other entries.
 */
export interface RejectedAnnotation {
  /** Position in the file's `annotations` list. */
  index: number;
  reason: string;
}

export interface ImportedAnnotations {
  annotations: Annotation[];
  rejected: RejectedAnnotation[];
}

/** @param idMap the file's story id → its id here, for every story the import accepted. */
export function ownAnnotations(raw: unknown, idMap: ReadonlyMap<string, string>): ImportedAnnotations {
  if (raw === undefined || raw === null) return { annotations: [], rejected: [] };
  if (!Array.isArray(raw)) return { annotations: [], rejected: [{ index: -1, reason: ANNOTATION_REASONS.notAList }] };
  const annotations: Annotation[] = [];
  const rejected: RejectedAnnotation[] = [];
  const seen = new Set<string>();
  raw.forEach((entry, index) => {
    const parsed = AnnotationSchema.safeParse(entry);
    if (!parsed.success) {
      rejected.push({ index, reason: ANNOTATION_REASONS.entry(index, firstProblem(parsed.error)) });
      return;
    }
    const storyId = idMap.get(parsed.data.storyId);
    // Words of a story this import did not accept would be an orphan row; the first entry per story wins.
    if (storyId === undefined || seen.has(storyId)) return;
    seen.add(storyId);
    annotations.push({ ...parsed.data, storyId });
  });
  return { annotations, rejected };
}

/** "segments.2.0.surface: too long" reads well enough for a list under the import report. */
function firstProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return ANNOTATION_REASONS.unreadable;
  const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  return `${where}${issue.message}`;
}
