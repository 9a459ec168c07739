import type { Annotation } from '../annotations';
import { SAMPLE_N3 } from './sample-n3';
import { SAMPLE_N3_WORDS } from './sample-n3-words';
import { SAMPLE_N4 } from './sample-n4';
import { SAMPLE_N4_WORDS } from './sample-n4-words';
import { SAMPLE_N5 } from './sample-n5';
import { SAMPLE_N5_WORDS } from './sample-n5-words';
import { sampleAnnotation } from './sample-words';

/**
 * The samples' words (issue 13), one annotation row per sample, kept out of the story rows. A module
 * of its own: the first visit seeds the stories before the first paint, and their words after it.
 */
export const SAMPLE_ANNOTATIONS: readonly Annotation[] = [
  sampleAnnotation(SAMPLE_N5, SAMPLE_N5_WORDS),
  sampleAnnotation(SAMPLE_N4, SAMPLE_N4_WORDS),
  sampleAnnotation(SAMPLE_N3, SAMPLE_N3_WORDS),
];
