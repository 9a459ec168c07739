import type { Annotation } from '../annotations';
import type { Story } from '../story';
import { SAMPLE_N3 } from './sample-n3';
import { SAMPLE_N4 } from './sample-n4';
import { SAMPLE_N3_WORDS } from './sample-n3-words';
import { SAMPLE_N4_WORDS } from './sample-n4-words';
import { SAMPLE_N5 } from './sample-n5';
import { SAMPLE_N5_WORDS } from './sample-n5-words';
import { sampleAnnotation } from './sample-words';

/** The bundled sample stories (easiest first), so a first visit has something to read offline. */
export const SAMPLE_STORIES: readonly Story[] = [SAMPLE_N5, SAMPLE_N4, SAMPLE_N3];

/** The samples' words (issue 13), one annotation row per sample, kept out of the story rows. */
export const SAMPLE_ANNOTATIONS: readonly Annotation[] = [
  sampleAnnotation(SAMPLE_N5, SAMPLE_N5_WORDS),
  sampleAnnotation(SAMPLE_N4, SAMPLE_N4_WORDS),
  sampleAnnotation(SAMPLE_N3, SAMPLE_N3_WORDS),
];
