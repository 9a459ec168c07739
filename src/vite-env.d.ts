/// <reference types="vite/client" />

/** The app's version from package.json, injected at build time; page and worker exchange it. */
declare const __APP_VERSION__: string;

interface ImportMetaEnv {
  readonly VITE_SUPABASE_URL?: string;
  readonly VITE_SUPABASE_ANON_KEY?: string;
}
