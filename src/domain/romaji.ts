import { HIRAGANA, KATAKANA, kanaIn } from './kana';

/**
 * Kana to Hepburn romaji, from the same chart the Kana page teaches (src/domain/kana.ts), so the
 * Reader's hint and the chart never disagree. What the chart cannot say by one cell is handled here:
 * a small tsu doubles the next consonant (きって kitte, まっちゃ matcha), the bar ー lengthens the
 * vowel before it with a macron (コーヒー kōhī, as the chart writes パーティー pātī), and ん before a
 * vowel or y takes an apostrophe (こんや kon'ya). Anything that is not kana is kept as it is.
 */
const TABLE: ReadonlyMap<string, string> = new Map(
  [...kanaIn(HIRAGANA), ...kanaIn(KATAKANA)].filter((k) => k.kana !== 'っ' && k.kana !== 'ッ').map((k) => [k.kana, k.romaji]),
);
const SMALL_TSU = new Set(['っ', 'ッ']);
const LONG_MARK = 'ー';
const MACRON: Readonly<Record<string, string>> = { a: 'ā', i: 'ī', u: 'ū', e: 'ē', o: 'ō' };

/** The longest chart entry (two kana, then one) starting at `i`: its text and romaji. */
function entryAt(text: string, i: number): { length: number; romaji: string } | null {
  for (const length of [2, 1]) {
    const romaji = TABLE.get(text.slice(i, i + length));
    if (romaji !== undefined) return { length, romaji };
  }
  return null;
}

export function kanaToRomaji(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === LONG_MARK) {
      const last = out.at(-1) ?? '';
      out = MACRON[last] ? out.slice(0, -1) + MACRON[last] : out + '-';
      i += 1;
      continue;
    }
    if (SMALL_TSU.has(ch)) {
      // Doubles the consonant of what follows: ch doubles as tch (まっちゃ matcha).
      const next = entryAt(text, i + 1)?.romaji ?? '';
      out += next.startsWith('ch') ? 't' : /^[a-z]/.test(next) && !/^[aeiou]/.test(next) ? next[0] : '';
      i += 1;
      continue;
    }
    const entry = entryAt(text, i);
    if (!entry) {
      out += ch;
      i += 1;
      continue;
    }
    if (entry.romaji === 'n' && /^[aeiouy]/.test(entryAt(text, i + 1)?.romaji ?? '')) out += "n'";
    else out += entry.romaji;
    i += entry.length;
  }
  return out;
}

/** Splits text into runs of kana (with ー) and runs of anything else, in order. */
export function kanaRuns(text: string): { text: string; kana: boolean }[] {
  return (text.match(/[\u3041-\u3096\u30A1-\u30FA\u30FC]+|[^\u3041-\u3096\u30A1-\u30FA\u30FC]+/gu) ?? []).map((run) => ({
    text: run,
    kana: /^[\u3041-\u3096\u30A1-\u30FA\u30FC]/u.test(run),
  }));
}

/**
 * The romaji of the run of kana that the character at `index` belongs to, or null when that
 * character is not kana (kanji, punctuation, Latin) or there is none.
 */
export function kanaRunRomajiAt(text: string, index: number): string | null {
  if (index < 0 || index >= text.length) return null;
  let start = 0;
  for (const run of kanaRuns(text)) {
    const end = start + run.text.length;
    if (index < end) return run.kana ? kanaToRomaji(run.text) : null;
    start = end;
  }
  return null;
}
