import { parsePartialJson } from './partial-json';
import { DRAFT_LIMITS, type DraftSentence, type StoryDraft } from './story-draft';
import { normaliseText } from './untrusted-text';

/**
 * The story a streamed answer has spelt out so far: its title and every sentence whose `jp` is
 * complete, each with the complete readings that contain kanji and occur in it. Model output is
 * untrusted text: every string is normalised (normaliseText) and capped like a stored story. The
 * result only grows as the text grows (a prefix of the answer gives a prefix of the sentences, each
 * with a prefix of its readings), so what is on screen never changes under the reader's eyes.
 */

const KANJI = /\p{Script=Han}/u;
/** An opening Markdown fence (```json), which the model sometimes adds despite JSON mode. */
const FENCE = /^\s*```[\w-]*[ \t]*\r?\n?/;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A complete string field, normalised; '' when it has not arrived (or is too long to be real). */
function field(value: unknown, max: number): string {
  if (typeof value !== 'string') return '';
  const text = normaliseText(value).trim();
  return text.length <= max ? text : '';
}

function sentence(value: unknown): DraftSentence | null {
  if (!isRecord(value)) return null;
  const jp = field(value.jp, DRAFT_LIMITS.sentence);
  if (jp === '') return null;
  const readings: DraftSentence['readings'] = [];
  const raw = Array.isArray(value.readings) ? value.readings : [];
  for (const r of raw) {
    if (readings.length >= DRAFT_LIMITS.readings) break;
    if (!isRecord(r)) continue;
    const text = field(r.text, DRAFT_LIMITS.title);
    const reading = field(r.reading, DRAFT_LIMITS.title);
    // An object still arriving has no reading yet; it is added once it has (so only ever appended).
    if (text && reading && KANJI.test(text) && jp.includes(text)) readings.push({ text, reading });
  }
  return { jp, readings };
}

/** The draft in `text` (a prefix of the model's JSON answer), or null while it has no title yet. */
export function draftFromText(text: string): StoryDraft | null {
  const raw = parsePartialJson(text.replace(FENCE, ''));
  if (!isRecord(raw)) return null;
  const titleJP = field(raw.titleJP, DRAFT_LIMITS.title);
  if (titleJP === '') return null;
  const sentences: DraftSentence[] = [];
  for (const item of Array.isArray(raw.content) ? raw.content : []) {
    if (sentences.length >= DRAFT_LIMITS.sentences) break;
    const s = sentence(item);
    // A sentence without its Japanese yet is the last one that can be there: stop at it.
    if (!s) break;
    sentences.push(s);
  }
  return { titleJP, titleEN: field(raw.titleEN, DRAFT_LIMITS.title), sentences };
}
