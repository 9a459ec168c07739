import type { Settings } from '../domain/settings';

/**
 * Starts the page's sync triggers, but only when a Supabase project is set up (in Settings or at
 * build time): without one the app is local-only and src/sync is never even downloaded.
 */
export function startSyncIfConfigured(settings: Pick<Settings, 'supabaseUrl' | 'supabaseAnonKey'>): void {
  const env: Partial<ImportMetaEnv> = typeof import.meta.env === 'object' && import.meta.env !== null ? import.meta.env : {};
  const fromSettings = settings.supabaseUrl.trim() !== '' && settings.supabaseAnonKey.trim() !== '';
  const fromBuild = Boolean(env.VITE_SUPABASE_URL && env.VITE_SUPABASE_ANON_KEY);
  if (fromSettings || fromBuild) void startSync();
}

/** Loads the sync code and starts its triggers (idempotent); pulled preferences apply at once. */
export async function startSync(): Promise<void> {
  const [{ startPageSync }, { loadSettings }, { applyAppearance }] = await Promise.all([
    import('./page-sync'),
    import('../db/settings-repo'),
    import('./theme'),
  ]);
  startPageSync({
    onSynced: (report) => {
      if ((report.pull?.user_settings.applied ?? 0) > 0) void loadSettings().then(applyAppearance);
    },
  });
}
