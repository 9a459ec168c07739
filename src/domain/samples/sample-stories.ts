import type { Story } from '../story';
import { SAMPLE_N3 } from './sample-n3';
import { SAMPLE_N4 } from './sample-n4';
import { SAMPLE_N5 } from './sample-n5';

/** The bundled sample stories (easiest first), so a first visit has something to read offline. */
export const SAMPLE_STORIES: readonly Story[] = [SAMPLE_N5, SAMPLE_N4, SAMPLE_N3];
