import { isKana } from '../../domain/kana';
import { kanaToRomaji } from '../../domain/romaji';
import type { Vocab } from '../../domain/story';
import type { Token } from '../../domain/tokens';

/** What the word popover says about one word, worked out from its token and the story's vocabulary. */
export interface WordDetails {
  surface: string;
  /** The reading of the word as written, when it differs from how it is written (kanji words). */
  reading?: string;
  /** Hepburn romaji of the reading, or of the word itself when it is all kana. */
  romaji?: string;
  /** The dictionary form and its reading, only when it is not the word as written. */
  base?: string;
  baseReading?: string;
  pos?: string;
  /** The token's own gloss, else the story's vocabulary entry for the word; undefined when neither has one. */
  meaning?: string;
}

export function wordDetails(token: Token, vocab: readonly Vocab[]): WordDetails {
  const details: WordDetails = { surface: token.surface };
  const reading = token.reading && token.reading !== token.surface ? token.reading : undefined;
  if (reading) details.reading = reading;
  const spoken = reading ?? (isKana(token.surface) ? token.surface : undefined);
  if (spoken) details.romaji = kanaToRomaji(spoken);
  if (token.base && token.base !== token.surface) {
    details.base = token.base;
    if (token.baseReading && token.baseReading !== token.base) details.baseReading = token.baseReading;
  }
  if (token.pos) details.pos = token.pos;
  const meaning = token.gloss || vocabEntry(token, vocab)?.meaning;
  if (meaning) details.meaning = meaning;
  return details;
}

/** The vocabulary entry for the word: by its dictionary form first (食べました → 食べる), then as written. */
function vocabEntry(token: Token, vocab: readonly Vocab[]): Vocab | undefined {
  const forms = [token.base, token.surface].filter((f): f is string => !!f);
  for (const form of forms) {
    const entry = vocab.find((v) => v.word === form && v.meaning);
    if (entry) return entry;
  }
  return undefined;
}
