import { tokenizeFurigana } from './furigana';
import { hasKanji, isKana, isKanjiLike, toHiragana } from './kana';
import type { Reading, Segment, Vocab } from './story';
import type { Token } from './tokens';

/**
 * Words for a sentence that has no tokens yet (imported, older, or not annotated): the device's own
 * word breaker (`Intl.Segmenter`, 'ja') corrected by what the story itself knows. The breaker cuts
 * verbs into pieces (食|べ|ま|した) and keeps some phrases whole (山の上), so the story's readings and
 * vocabulary decide where a word starts, and a kanji stem the vocabulary knows as an inflecting word
 * (食べる) takes its okurigana and auxiliaries with it (食べました).
 */
export function segmentSentence(segment: Pick<Segment, 'jp' | 'readings' | 'vocab'>): Token[] {
  const { jp, readings, vocab } = segment;
  const known = [...new Set([...vocab.map((v) => v.word), ...readings.map((r) => r.text)])].filter(Boolean);
  const pieces = splitByKnown(jp, breakWords(jp), known);
  return mergeInflections(pieces, vocab).map((w) => toToken(w, readings, vocab));
}

/** One breaker for every sentence: building one loads the dictionary, and the Reader splits each sentence. */
let segmenter: Intl.Segmenter | undefined;

function breakWords(jp: string): string[] {
  segmenter ??= new Intl.Segmenter('ja', { granularity: 'word' });
  return [...segmenter.segment(jp)].map((s) => s.segment);
}

/** A known word wins over the breaker's cut wherever it starts, longest first (日曜日 over 日). */
function splitByKnown(jp: string, pieces: readonly string[], known: readonly string[]): string[] {
  const byLength = [...known].sort((a, b) => b.length - a.length);
  const ends = new Set<number>();
  let end = 0;
  for (const piece of pieces) {
    end += piece.length;
    ends.add(end);
  }
  // Never cut between two kanji inside one piece: 今日 stays whole though 日 alone has a reading.
  const cuttable = (q: number) => ends.has(q) || q >= jp.length || !(isKanjiLike(jp[q - 1] ?? '') && isKanjiLike(jp[q] ?? ''));
  const knownAt = (p: number) => (cuttable(p) ? byLength.find((w) => jp.startsWith(w, p) && cuttable(p + w.length)) : undefined);
  const out: string[] = [];
  let p = 0;
  while (p < jp.length) {
    const word = knownAt(p);
    let q = p + 1;
    if (word) q = p + word.length;
    // Otherwise up to the breaker's next cut, or where a known word starts inside its piece.
    else while (q < jp.length && !ends.has(q) && !knownAt(q)) q++;
    out.push(jp.slice(p, q));
    p = q;
  }
  return out;
}

interface Word {
  surface: string;
  /** The vocabulary entry whose stem this word starts with, when okurigana were merged into it. */
  inflected?: Vocab;
}

/** Particles and the copula end an inflected word; で continues one only after ん or い (読んで, 泳いで). */
const STOPS = new Set(['は', 'が', 'を', 'に', 'へ', 'と', 'も', 'の', 'や', 'か', 'ね', 'よ', 'な', 'から', 'まで', 'より', 'けど', 'ので', 'のに', 'です', 'でした', 'だ', 'だった', 'でしょう']);
const MAX_MERGED = 8;

function mergeInflections(pieces: readonly string[], vocab: readonly Vocab[]): Word[] {
  const words: Word[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i] ?? '';
    const entry = vocab.find((v) => startsInflection(piece, v));
    if (!entry) {
      words.push({ surface: piece });
      continue;
    }
    let surface = piece;
    let merged = 0;
    for (let next = pieces[i + 1]; next !== undefined && merged < MAX_MERGED && continues(surface, next, pieces[i + 2]); next = pieces[i + 1]) {
      surface += next;
      merged++;
      i++;
    }
    words.push({ surface, inflected: entry });
  }
  return words;
}

function continues(word: string, next: string, after: string | undefined): boolean {
  if (!/^[\u3041-\u3096]+$/u.test(next)) return false;
  if (next === 'で') return /[んい]$/u.test(word);
  // か before っ is an adjective's past (よかった), not the question particle.
  if (next === 'か' && after?.startsWith('っ')) return true;
  return !STOPS.has(next);
}

/** 食べる → 食 + べる: the stem is up to the last kanji; a kana-only word (よい) keeps all but its last kana. */
function stemOf(word: string): { stem: string; okurigana: string } | undefined {
  const chars = [...word];
  const last = chars.at(-1);
  if (!last || !/[\u3041-\u3096]/u.test(last)) return undefined;
  let cut = chars.length - 1;
  if (hasKanji(word)) while (cut > 0 && !isKanjiLike(chars[cut - 1] ?? '')) cut--;
  return { stem: chars.slice(0, cut).join(''), okurigana: chars.slice(cut).join('') };
}

function startsInflection(piece: string, entry: Vocab): boolean {
  const parts = stemOf(entry.word);
  if (!parts?.stem || piece === entry.word || !piece.startsWith(parts.stem)) return false;
  const rest = piece.slice(parts.stem.length);
  return rest === '' || /^[\u3041-\u3096]+$/u.test(rest);
}

function toToken(word: Word, readings: readonly Reading[], vocab: readonly Vocab[]): Token {
  const { surface, inflected } = word;
  const entry = inflected ?? vocab.find((v) => v.word === surface);
  const token: Token = { surface };
  const reading = (inflected && inflectedReading(surface, inflected)) || readingOf(surface, readings, entry);
  if (reading && hasKanji(surface)) token.reading = reading;
  if (entry) {
    token.base = entry.word;
    if (entry.reading) token.baseReading = toHiragana(entry.reading);
    if (entry.meaning) token.gloss = entry.meaning;
  }
  return token;
}

function inflectedReading(surface: string, entry: Vocab): string | undefined {
  const parts = stemOf(entry.word);
  const full = toHiragana(entry.reading);
  if (!parts || !full.endsWith(parts.okurigana)) return undefined;
  const stemReading = full.slice(0, full.length - parts.okurigana.length);
  return stemReading + surface.slice(parts.stem.length);
}

/** The reading the story's own readings give the whole word, if they cover every kanji in it. */
function readingOf(surface: string, readings: readonly Reading[], entry: Vocab | undefined): string | undefined {
  if (entry?.reading && isKana(entry.reading)) return toHiragana(entry.reading);
  const parts = tokenizeFurigana(surface, readings);
  if (parts.some((p) => p.kind === 'text' && hasKanji(p.text))) return undefined;
  const reading = toHiragana(parts.map((p) => (p.kind === 'ruby' ? p.reading : p.text)).join(''));
  return isKana(reading) ? reading : undefined;
}
