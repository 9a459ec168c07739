import { idFromLegacy } from '../ids';
import { STORY_SCHEMA_VERSION } from '../story';
import { estimateReadTime } from '../summary';
import { isRecord, minutesFrom, msFromGenId, normalizeLevel, timestampMs } from './legacy-values';

/**
 * Fills the fields the older app's stories lack, so that StorySchema can judge them. Nothing here
 * rejects: a story that cannot be repaired keeps its bad value and the schema names the problem.
 */
export interface LegacyClock {
  /** When the backup was exported (epoch ms), if the file says. */
  exportedAt: number | null;
  now: number;
}

const EXCERPT_CHARS = 60;

export function legacyStoryCandidate(raw: unknown, clock: LegacyClock): unknown {
  if (!isRecord(raw)) return raw;
  const legacyId = legacyIdOf(raw.id);
  const id = idFromLegacy(legacyId ?? contentKey(raw));
  const createdAt = msFromGenId(legacyId) ?? timestampMs(raw.createdAt) ?? clock.exportedAt ?? clock.now;
  const { media: _deviceMedia, ...rest } = raw;
  return {
    ...rest,
    id,
    // A uuid id is kept as is (idFromLegacy lower-cases it), so there is no older id to remember.
    ...(legacyId && legacyId.toLowerCase() !== id ? { legacyId } : {}),
    level: normalizeLevel(raw.level),
    titleEN: typeof raw.titleEN === 'string' ? raw.titleEN : '',
    readTime: minutesFrom(raw.readTime) ?? readTimeOf(raw.content),
    excerpt: typeof raw.excerpt === 'string' && raw.excerpt.trim() ? raw.excerpt : excerptOf(raw.content),
    topic: typeof raw.topic === 'string' ? raw.topic : '',
    questions: Array.isArray(raw.questions) ? raw.questions.map(normalizeQuestion) : raw.questions,
    source: 'imported',
    createdAt,
    updatedAt: timestampMs(raw.updatedAt) ?? createdAt,
    schemaVersion: STORY_SCHEMA_VERSION,
  };
}

function legacyIdOf(id: unknown): string | null {
  if (typeof id === 'string' && id.trim()) return id.trim();
  if (typeof id === 'number' && Number.isFinite(id)) return String(id);
  return null;
}

/**
 * A story without any id still needs a stable one, or importing the same file twice would duplicate
 * it: derive it from the title and text, which is what makes it "the same story".
 */
function contentKey(raw: Record<string, unknown>): string {
  return `untitled:${JSON.stringify([raw.titleJP, raw.content])}`;
}

function segments(content: unknown): { jp: string }[] | null {
  if (!Array.isArray(content)) return null;
  const ok = content.every((s) => isRecord(s) && typeof s.jp === 'string');
  return ok ? (content as { jp: string }[]) : null;
}

function readTimeOf(content: unknown): number {
  const list = segments(content);
  return list ? estimateReadTime({ content: list.map((s) => ({ ...s, readings: [], en: '', vocab: [] })) }) : 0;
}

function excerptOf(content: unknown): string {
  const first = segments(content)?.[0]?.jp.trim() ?? '';
  return first.length > EXCERPT_CHARS ? `${first.slice(0, EXCERPT_CHARS)}…` : first;
}

/** The older app stored `answer` as a number; some hand-edited files have "2" or the option text. */
function normalizeQuestion(raw: unknown): unknown {
  if (!isRecord(raw) || typeof raw.answer !== 'string') return raw;
  const options = Array.isArray(raw.options) ? raw.options : [];
  const byText = options.indexOf(raw.answer);
  const numeric = /^\d$/.test(raw.answer.trim()) ? Number(raw.answer.trim()) : -1;
  const answer = byText >= 0 ? byText : numeric >= 0 ? numeric : raw.answer;
  return { ...raw, answer };
}
