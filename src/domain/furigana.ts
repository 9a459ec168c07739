import { isKana, isKanjiLike, toHiragana } from './kana';
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
      tokens.push(...placeFurigana(match.text, match.reading));
      i += match.text.length;
    } else {
      plain += jp[i];
      i += 1;
    }
  }
  if (plain) tokens.push({ kind: 'text', text: plain });
  return mergeText(tokens);
}

/** Digits are read aloud like kanji (3人 さんにん), so they join the run that takes furigana. */
const isRubyChar = (ch: string) => isKanjiLike(ch) || /[0-9０-９]/.test(ch);

/**
 * Furigana for one word: each run of kanji gets its own part of the reading and the kana between
 * and around them (okurigana) stay bare: 食べました + たべました → 食[た]べました, 引っ越し →
 * 引[ひ]っ越[こ]し. A run is read as a whole (日曜日[にちようび]); it cannot be split per kanji
 * without a dictionary. When the reading does not fit the kana around the kanji (a model's slip, or
 * a reading in another form), the whole word gets one ruby rather than a wrong split.
 */
export function placeFurigana(surface: string, reading: string): FuriganaToken[] {
  const runs = splitRuns(surface);
  const target = toHiragana(reading);
  if (!surface) return [];
  // Kana needs no furigana; a reading over other text without kanji (ＡＴＭ) is kept as it was given.
  if (!target || target === toHiragana(surface) || (!runs.some((r) => r.ruby) && isKana(surface))) {
    return [{ kind: 'text', text: surface }];
  }
  if (!runs.some((r) => r.ruby)) return [{ kind: 'ruby', text: surface, reading: target }];
  const pattern = runs.map((r) => (r.ruby ? '(.+?)' : escapeRegExp(toHiragana(r.text)))).join('');
  const match = new RegExp(`^${pattern}$`, 'u').exec(target);
  if (!match) return [{ kind: 'ruby', text: surface, reading: target }];
  let group = 1;
  return runs.map((r) => {
    if (!r.ruby) return { kind: 'text', text: r.text };
    const part = match[group++] ?? '';
    return { kind: 'ruby', text: r.text, reading: part };
  });
}

function splitRuns(surface: string): { text: string; ruby: boolean }[] {
  const runs: { text: string; ruby: boolean }[] = [];
  for (const ch of surface) {
    const ruby = isRubyChar(ch);
    const last = runs.at(-1);
    if (last && last.ruby === ruby) last.text += ch;
    else runs.push({ text: ch, ruby });
  }
  return runs;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Adjacent plain parts joined, so the Reader renders one text node per stretch of plain text. */
export function mergeText(tokens: readonly FuriganaToken[]): FuriganaToken[] {
  const out: FuriganaToken[] = [];
  for (const t of tokens) {
    const last = out.at(-1);
    if (t.kind === 'text' && last?.kind === 'text') out[out.length - 1] = { kind: 'text', text: last.text + t.text };
    else if (t.text) out.push(t);
  }
  return out;
}

/**
 * A sentence's furigana from its tokens (issue 13): each word's own reading placed over its kanji.
 * A word without a usable reading (a plain token a repair added, or a model that left it out) takes
 * the story's readings instead, so the sentence never loses furigana it had before it had words.
 */
export function tokensFurigana(tokens: readonly { surface: string; reading?: string }[], readings: readonly Reading[]): FuriganaToken[] {
  const parts = tokens.flatMap((t) =>
    t.reading && isKana(t.reading) ? placeFurigana(t.surface, t.reading) : tokenizeFurigana(t.surface, readings),
  );
  return mergeText(parts);
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
