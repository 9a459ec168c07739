import { z } from 'zod';
import { isOnline, normalizeBaseUrl, TIMEOUTS, throwIfAborted } from './client';
import { AiError, GeminiHttpError, mapGeminiError } from './errors';
import { AI_MESSAGES } from './messages';

/**
 * The API's own model list (`GET /v1beta/models`), for the Settings pickers and the "test key"
 * button. A plain fetch: the SDK has no call for it.
 */

export interface ModelSummary {
  /** Without the `models/` prefix, as Settings stores it. */
  id: string;
  displayName: string;
  /** supportedGenerationMethods, e.g. generateContent, streamGenerateContent, embedContent. */
  methods: string[];
}

export interface ModelGroups {
  text: ModelSummary[];
  tts: ModelSummary[];
  image: ModelSummary[];
}

export interface ListModelsOptions {
  apiKey: string;
  baseUrl: string;
  signal: AbortSignal;
}

const ModelPageSchema = z.object({
  models: z
    .array(
      z.object({
        name: z.string().min(1),
        displayName: z.string().optional(),
        supportedGenerationMethods: z.array(z.string()).optional(),
      }),
    )
    .default([]),
  nextPageToken: z.string().optional(),
});

// A server that keeps handing out page tokens must not keep the Settings page busy forever.
const MAX_PAGES = 20;

const ErrorBodySchema = z.object({
  error: z.object({ message: z.string().default(''), details: z.array(z.record(z.string(), z.unknown())).optional() }),
});

/** A non-OK answer as the SDK would report it (same class, same message layout), plus Retry-After. */
async function httpError(res: Response): Promise<GeminiHttpError> {
  const body = ErrorBodySchema.safeParse(await res.json().catch(() => null));
  const message = body.success ? body.data.error.message : '';
  const details = body.success ? body.data.error.details : undefined;
  const retryAfter = res.headers.get('retry-after') ?? undefined;
  return new GeminiHttpError(`[${res.status} ${res.statusText}] ${message}`, res.status, res.statusText, details, retryAfter);
}

async function fetchPage(opts: ListModelsOptions, signal: AbortSignal, pageToken?: string) {
  const url = new URL(`${normalizeBaseUrl(opts.baseUrl)}/v1beta/models`);
  url.searchParams.set('pageSize', '100');
  if (pageToken) url.searchParams.set('pageToken', pageToken);
  // The key goes in a header, never the URL, so it cannot end up in a log line or an error message.
  const res = await fetch(url, { headers: { 'x-goog-api-key': opts.apiKey }, signal });
  if (!res.ok) throw await httpError(res);
  const page = ModelPageSchema.safeParse(await res.json().catch(() => null));
  if (!page.success) throw new AiError('permanent', 'bad-model-list', AI_MESSAGES.badModelList);
  return page.data;
}

/** Every model the key can see, following nextPageToken. Throws AiError, or the abort on cancel. */
export async function listModels(opts: ListModelsOptions): Promise<ModelSummary[]> {
  throwIfAborted(opts.signal);
  // The caller's signal cancels; the timeout only turns a silent endpoint into an error. Browsers
  // without AbortSignal.any (before Safari 17.4 / Firefox 124) go without the timeout.
  const signal =
    typeof AbortSignal.any === 'function' ? AbortSignal.any([opts.signal, AbortSignal.timeout(TIMEOUTS.models)]) : opts.signal;
  const out: ModelSummary[] = [];
  try {
    let token: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const body = await fetchPage(opts, signal, token);
      for (const m of body.models) {
        const id = m.name.replace(/^models\//, '');
        out.push({ id, displayName: m.displayName ?? id, methods: m.supportedGenerationMethods ?? [] });
      }
      token = body.nextPageToken;
      if (!token) break;
    }
  } catch (err) {
    throw mapGeminiError(err, { apiKey: opts.apiKey, online: isOnline(), signal: opts.signal });
  }
  return out;
}

/**
 * Sorts models into the three pickers. The list does not say what a model outputs, so this goes by
 * name and methods: `-tts` → speech; `-image` / `image-generation` → pictures; any other model with
 * generateContent → text, except embedding and AQA models (not generators) and Gemma (no system
 * instruction or JSON schema mode on this API, so a story call would fail).
 */
export function classifyModels(list: readonly ModelSummary[]): ModelGroups {
  const groups: ModelGroups = { text: [], tts: [], image: [] };
  for (const model of list) {
    if (!model.methods.includes('generateContent')) continue;
    const id = model.id.toLowerCase();
    if (/-tts\b/.test(id)) groups.tts.push(model);
    else if (/-image\b|image-generation/.test(id)) groups.image.push(model);
    else if (!/embedding|aqa|gemma/.test(id)) groups.text.push(model);
  }
  return groups;
}

export type ApiKeyTest = { ok: true; models: number } | { ok: false; message: string };

/** The Settings "test key" button: lists models with the key and says, in words, what happened. */
export async function testApiKey(opts: ListModelsOptions): Promise<ApiKeyTest> {
  if (opts.apiKey.trim() === '') return { ok: false, message: AI_MESSAGES.apiKeyMissing };
  try {
    const models = await listModels(opts);
    return { ok: true, models: models.length };
  } catch (err) {
    if (err instanceof AiError) return { ok: false, message: err.message };
    throw err;
  }
}
