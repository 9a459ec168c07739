import { describe, expect, it } from 'vitest';
import { buildBackup } from '../../../src/domain/backup/backup-format';
import { IMPORT_LIMITS } from '../../../src/domain/backup/limits';
import { IMPORT_NOTES } from '../../../src/domain/backup/messages';
import { type ImportPlan, planImport, type ReadyImportPlan } from '../../../src/domain/backup/plan-import';
import { DEFAULT_SETTINGS } from '../../../src/domain/default-settings';
import { checkEndpoint, ENDPOINT_MESSAGES } from '../../../src/domain/device-settings';
import { SettingsSchema } from '../../../src/domain/settings';
import { makeStory, T0 } from '../../support/fixtures/library';
import { makeOldBackup } from '../../support/fixtures/old-app-backup';

/** What a file, the form or a row may set, and what an import will even read (issue 10). */
const empty = { ids: new Set<string>() };

function ready(plan: ImportPlan): ReadyImportPlan {
  if (!plan.ok) throw new Error(plan.message);
  return plan;
}

function ownFile(settings: Record<string, unknown>): string {
  const backup = buildBackup({ stories: [makeStory(1)], progress: [], settings: DEFAULT_SETTINGS, now: T0, appVersion: '1' });
  return JSON.stringify({ ...backup, settings: { ...backup.settings, ...settings } });
}

const STRANGER = { geminiBaseUrl: 'https://stranger.example', supabaseUrl: 'https://stranger.supabase.co', supabaseAnonKey: 'anon-of-stranger' };

describe('the one endpoint rule', () => {
  it.each([
    ['https://generativelanguage.googleapis.com/', 'https://generativelanguage.googleapis.com'],
    ['http://localhost:8080/v1beta//', 'http://localhost:8080/v1beta'],
    ['http://127.0.0.1:9', 'http://127.0.0.1:9'],
    ['http://[::1]:54321', 'http://[::1]:54321'],
  ])('accepts %s', (raw, url) => {
    expect(checkEndpoint(raw)).toEqual({ ok: true, url });
  });

  it.each([
    ['http://stranger.example', ENDPOINT_MESSAGES.notSecure],
    ['http://192.168.1.5:8080', ENDPOINT_MESSAGES.notSecure],
    ['javascript:alert(1)', ENDPOINT_MESSAGES.notSecure],
    ['ftp://example.com', ENDPOINT_MESSAGES.notSecure],
    ['not a url', ENDPOINT_MESSAGES.notAUrl],
    ['https://me:pw@example.com', ENDPOINT_MESSAGES.hasCredentials],
  ])('refuses %s with a plain sentence', (raw, message) => {
    expect(checkEndpoint(raw)).toEqual({ ok: false, message });
  });

  it('is the Settings schema’s rule too, for the endpoint and the Supabase project', () => {
    expect(SettingsSchema.safeParse({ geminiBaseUrl: 'http://stranger.example' }).success).toBe(false);
    expect(SettingsSchema.safeParse({ supabaseUrl: 'http://stranger.example' }).success).toBe(false);
    expect(SettingsSchema.safeParse({ geminiBaseUrl: 'http://127.0.0.1:9', supabaseUrl: '' }).success).toBe(true);
  });
});

describe('a backup file never moves the key', () => {
  it('exports no device settings', () => {
    const settings = { ...DEFAULT_SETTINGS, ...STRANGER, theme: 'dark' as const };
    const backup = buildBackup({ stories: [], progress: [], settings, now: T0, appVersion: '1' });
    for (const key of Object.keys(STRANGER)) expect(backup.settings).not.toHaveProperty(key);
    expect(backup.settings.theme).toBe('dark');
  });

  it('imports no device settings from this app’s file, and says so', () => {
    const plan = ready(planImport(ownFile({ ...STRANGER, theme: 'dark' }), empty, T0));
    expect(plan.settings).toEqual(expect.objectContaining({ theme: 'dark' }));
    for (const key of Object.keys(STRANGER)) expect(plan.settings).not.toHaveProperty(key);
    expect(plan.notes).toContain(IMPORT_NOTES.deviceSettingsKept);
  });

  it('imports no device settings from the older app’s file', () => {
    const old = { ...makeOldBackup(1), settings: { ...STRANGER, fontSize: 'large' } };
    const plan = ready(planImport(JSON.stringify(old), empty, T0));
    expect(plan.settings).toMatchObject({ fontSize: 'large' });
    for (const key of Object.keys(STRANGER)) expect(plan.settings).not.toHaveProperty(key);
  });
});

describe('bad input gets a clear message and changes nothing', () => {
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'])('a settings key named %s is skipped, not a crash', (key) => {
    const text = ownFile({ theme: 'dark' }).replace('"theme":"dark"', `"theme":"dark","${key}":{"polluted":true}`);
    const plan = ready(planImport(text, empty, T0));
    expect(plan.settings).toEqual(expect.objectContaining({ theme: 'dark' }));
    expect(Object.hasOwn(plan.settings ?? {}, key)).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a file nested deeper than any backup', () => {
    let deep = '1';
    for (let i = 0; i < 100_000; i++) deep = `[${deep}`;
    deep += ']'.repeat(100_000);
    const plan = planImport(`{"stories":[],"settings":${deep}}`, empty, T0);
    expect(plan).toMatchObject({ ok: false, code: 'too-deep' });
  });

  it('refuses a file with a field longer than any story’s', () => {
    const story = { ...makeOldBackup(1).stories[0], titleEN: 'x'.repeat(IMPORT_LIMITS.stringChars + 1) };
    expect(planImport(JSON.stringify({ stories: [story] }), empty, T0)).toMatchObject({ ok: false, code: 'field-too-large' });
  });

  it('refuses a list with more entries than a backup holds', () => {
    const text = `{"stories":[${Array.from({ length: IMPORT_LIMITS.entries + 1 }, () => '0').join(',')}]}`;
    expect(planImport(text, empty, T0)).toMatchObject({ ok: false, code: 'too-many-entries' });
  });
});
