import { describe, expect, it } from 'vitest';
import {
  BackupFileSchema,
  backupFileName,
  buildBackup,
  isSecretSettingKey,
} from '../../../src/domain/backup/backup-format';
import { DEFAULT_SETTINGS } from '../../../src/domain/default-settings';
import type { Settings } from '../../../src/domain/settings';
import { makeProgress, makeStory, storyId, T0 } from '../../support/fixtures/library';

function backupWith(settings: Settings) {
  return buildBackup({
    stories: [makeStory(1, { media: { audioSegments: 3, images: 1 } })],
    progress: [makeProgress(storyId(1))],
    settings,
    now: T0,
    appVersion: '0.1.0',
  });
}

describe('the export format', () => {
  it('is a valid BackupFile with format, version and ISO date', () => {
    const backup = backupWith(DEFAULT_SETTINGS);
    expect(BackupFileSchema.parse(backup)).toEqual(backup);
    expect(backup).toMatchObject({
      format: 'nihongo-monogatari-backup',
      formatVersion: 1,
      exportedAt: new Date(T0).toISOString(),
      app: { version: '0.1.0' },
    });
  });

  it('leaves out device-local media counts', () => {
    expect(backupWith(DEFAULT_SETTINGS).stories[0]).not.toHaveProperty('media');
  });

  it('strips any secret-looking field and every device setting (project, anon key, endpoint) from settings', () => {
    const settings = { ...DEFAULT_SETTINGS, supabaseAnonKey: 'anon', apiKey: 'AIzaX', supabaseSession: '{}' };
    const backup = backupWith(settings);
    for (const key of ['apiKey', 'supabaseSession', 'supabaseAnonKey', 'supabaseUrl', 'geminiBaseUrl']) {
      expect(Object.keys(backup.settings)).not.toContain(key);
    }
    expect(BackupFileSchema.safeParse(backup).success).toBe(true);
  });

  it('the schema refuses a file whose settings say where this device sends the key', () => {
    const backup = { ...backupWith(DEFAULT_SETTINGS), settings: { ...backupWith(DEFAULT_SETTINGS).settings, geminiBaseUrl: 'https://stranger.example' } };
    expect(BackupFileSchema.safeParse(backup).success).toBe(false);
  });

  it('the schema refuses a file whose settings hold a key', () => {
    const backup = { ...backupWith(DEFAULT_SETTINGS), settings: { ...DEFAULT_SETTINGS, geminiApiKey: 'AIzaX' } };
    expect(BackupFileSchema.safeParse(backup).success).toBe(false);
  });

  it('recognises secret-looking keys', () => {
    expect(['apiKey', 'geminiApiKey', 'api_key', 'supabaseSession', 'refreshToken'].map(isSecretSettingKey)).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(['supabaseAnonKey', 'theme', 'voice'].some(isSecretSettingKey)).toBe(false);
  });

  it('names the file by date', () => {
    expect(backupFileName(T0)).toBe('nihongo-monogatari-backup-2025-01-15.json');
  });
});
