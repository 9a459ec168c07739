import { type HttpError, invalidArgument } from './errors';

/**
 * The model list (`GET /v1beta/models`): the models the app defaults to or lets the learner pick,
 * plus an embedding model that supports no generation, so the app's filtering is exercised.
 */

export interface ModelInfo {
  name: string;
  version: string;
  displayName: string;
  description: string;
  inputTokenLimit: number;
  outputTokenLimit: number;
  supportedGenerationMethods: string[];
  temperature?: number;
  topP?: number;
  topK?: number;
  maxTemperature?: number;
}

const GENERATE = ['generateContent', 'streamGenerateContent', 'countTokens'];

function model(id: string, displayName: string, input: number, output: number, methods = GENERATE): ModelInfo {
  const info: ModelInfo = {
    name: `models/${id}`,
    version: id.includes('preview') ? `${id}-0520` : '001',
    displayName,
    description: `${displayName} (fake Gemini test server)`,
    inputTokenLimit: input,
    outputTokenLimit: output,
    supportedGenerationMethods: methods,
  };
  if (methods.includes('generateContent')) Object.assign(info, { temperature: 1, topP: 0.95, topK: 64, maxTemperature: 2 });
  return info;
}

export const MODELS: readonly ModelInfo[] = [
  model('gemini-2.5-flash', 'Gemini 2.5 Flash', 1_048_576, 65_536),
  model('gemini-2.5-flash-lite', 'Gemini 2.5 Flash-Lite', 1_048_576, 65_536),
  model('gemini-2.5-pro', 'Gemini 2.5 Pro', 1_048_576, 65_536),
  model('gemini-2.5-flash-preview-tts', 'Gemini 2.5 Flash Preview TTS', 8_192, 16_384),
  model('gemini-2.5-pro-preview-tts', 'Gemini 2.5 Pro Preview TTS', 8_192, 16_384),
  model('gemini-2.5-flash-image', 'Nano Banana', 32_768, 32_768),
  model('text-embedding-004', 'Text Embedding 004', 2_048, 1, ['embedContent']),
];

export function findModel(id: string): ModelInfo | undefined {
  return MODELS.find((m) => m.name === `models/${id}`);
}

// The real API's default and maximum page sizes.
const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 1000;

// Page tokens are opaque to clients; an offset in base64url is enough to make them look it.
function encodeToken(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString('base64url');
}

function decodeToken(token: string): number | undefined {
  const match = /^offset:(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  return match ? Number(match[1]) : undefined;
}

export type ListAnswer = { ok: true; body: { models: ModelInfo[]; nextPageToken?: string } } | { ok: false; error: HttpError };

/** One page of the list, honouring `pageSize` and `pageToken` like the real endpoint. */
export function listModels(query: URLSearchParams): ListAnswer {
  const rawSize = query.get('pageSize');
  const size = rawSize === null || rawSize === '' ? DEFAULT_PAGE_SIZE : Number(rawSize);
  if (!Number.isInteger(size) || size < 0) return { ok: false, error: invalidArgument(`Invalid value for pageSize: ${rawSize}`) };
  const pageSize = size === 0 ? DEFAULT_PAGE_SIZE : Math.min(size, MAX_PAGE_SIZE);
  const token = query.get('pageToken');
  const offset = token ? decodeToken(token) : 0;
  if (offset === undefined || offset > MODELS.length) return { ok: false, error: invalidArgument('Invalid page token.') };
  const models = MODELS.slice(offset, offset + pageSize);
  const next = offset + pageSize;
  return { ok: true, body: next < MODELS.length ? { models, nextPageToken: encodeToken(next) } : { models } };
}
