import type { Reading } from './story';

export type FuriganaToken =
  | { kind: 'text'; text: string }
  | { kind: 'ruby'; text: string; reading: string };

/**
 * Splits a sentence into plain text and ruby tokens by position: left to right, at each position the
 * longest reading whose text starts there wins, and matched characters are consumed. This never nests
 * (学生 with readings for 学生 and 学 gives one ruby) and never skips repeats (猫猫 gives two), the two
 * faults of the older app's string replacement.
 */
export function tokenizeFurigana(jp: string, readings: readonly Reading[]): FuriganaToken[] {
  const byLength = uniqueReadings(readings).sort((a, b) => b.text.length - a.text.length);
  const tokens: FuriganaToken[] = [];
  let plain = '';
  let i = 0;
  while (i < jp.length) {
    const match = byLength.find((r) => jp.startsWith(r.text, i));
    if (match) {
      if (plain) tokens.push({ kind: 'text', text: plain });
      plain = '';
      tokens.push({ kind: 'ruby', text: match.text, reading: match.reading });
      i += match.text.length;
    } else {
      plain += jp[i];
      i += 1;
    }
  }
  if (plain) tokens.push({ kind: 'text', text: plain });
  return tokens;
}

/** The first reading given for a text wins; empty or self-identical readings add nothing. */
function uniqueReadings(readings: readonly Reading[]): Reading[] {
  const seen = new Map<string, Reading>();
  for (const r of readings) {
    if (!r.text || !r.reading || r.text === r.reading || seen.has(r.text)) continue;
    seen.set(r.text, r);
  }
  return [...seen.values()];
}
