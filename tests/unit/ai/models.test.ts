import { describe, expect, it } from 'vitest';
import { normalizeBaseUrl } from '../../../src/ai/client';
import { classifyModels, type ModelSummary } from '../../../src/ai/models';

const GEN = ['generateContent', 'countTokens'];
const m = (id: string, methods = GEN): ModelSummary => ({ id, displayName: id, methods });

describe('classifyModels', () => {
  it('sorts a realistic list into text, speech and image pickers', () => {
    const list = [
      m('gemini-2.5-flash'),
      m('gemini-2.5-pro'),
      m('gemini-2.5-flash-lite'),
      m('gemini-2.5-flash-preview-tts'),
      m('gemini-2.5-pro-preview-tts'),
      m('gemini-2.5-flash-image'),
      m('gemini-2.5-flash-image-preview'),
      m('gemini-2.0-flash-preview-image-generation'),
      m('text-embedding-004', ['embedContent']),
      m('gemini-embedding-001', ['embedContent', 'countTokens', 'generateContent']),
      m('aqa', ['generateAnswer', 'generateContent']),
      m('gemma-3-27b-it'),
      m('imagen-4.0-generate-001', ['predict']),
      m('gemini-2.5-flash-native-audio-preview', ['bidiGenerateContent']),
    ];
    const groups = classifyModels(list);
    expect(groups.text.map((x) => x.id)).toEqual(['gemini-2.5-flash', 'gemini-2.5-pro', 'gemini-2.5-flash-lite']);
    expect(groups.tts.map((x) => x.id)).toEqual(['gemini-2.5-flash-preview-tts', 'gemini-2.5-pro-preview-tts']);
    expect(groups.image.map((x) => x.id)).toEqual([
      'gemini-2.5-flash-image',
      'gemini-2.5-flash-image-preview',
      'gemini-2.0-flash-preview-image-generation',
    ]);
  });

  it('returns empty groups for an empty list', () => {
    expect(classifyModels([])).toEqual({ text: [], tts: [], image: [] });
  });
});

describe('normalizeBaseUrl', () => {
  it.each([
    ['https://generativelanguage.googleapis.com/', 'https://generativelanguage.googleapis.com'],
    ['https://generativelanguage.googleapis.com/v1beta', 'https://generativelanguage.googleapis.com'],
    [' http://127.0.0.1:8080// ', 'http://127.0.0.1:8080'],
    ['https://proxy.example/gemini/', 'https://proxy.example/gemini'],
    ['', 'https://generativelanguage.googleapis.com'],
  ])('%s → %s', (input, output) => {
    expect(normalizeBaseUrl(input)).toBe(output);
  });
});
