import type { Coverage } from './words-coverage';

/** Comfortable reading (graded-reading research): 95–98 % of running words known. */
export const COMFORT_BAND = { low: 0.95, high: 0.98 } as const;

/** How far a story is from comfortable reading: 0 inside the band, else the distance to it. */
export function distanceFromComfort(coverage: Coverage): number {
  const share = coverage.knownShare;
  if (share < COMFORT_BAND.low) return COMFORT_BAND.low - share;
  if (share > COMFORT_BAND.high) return share - COMFORT_BAND.high;
  return 0;
}

/** "12 new words · 94 % known": the share rounded down, so 99.6 % is never shown as 100 %. */
export function coverageText(coverage: Coverage): string {
  const words = coverage.newWords === 1 ? 'new word' : 'new words';
  return `${coverage.newWords} ${words} · ${Math.floor(coverage.knownShare * 100)} % known`;
}
