import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import pkg from './package.json' with { type: 'json' };
import { preloadAppShell } from './scripts/build/preload-shell';
import { prerenderShell } from './scripts/build/prerender-shell';
import { repackWorker } from './scripts/build/repack-worker';
import { SECURITY_HEADERS } from './src/domain/csp';

/** lit, vite's preload helper, the page's error handlers and Home's row shaping. */
const BOOT_MODULES = /node_modules[\\/](lit|lit-html|lit-element|@lit[\\/]reactive-element)[\\/]|src[\\/]app[\\/]error-handlers\.ts$|src[\\/]db[\\/]home-shape\.ts$|preload-helper/;

/**
 * Dexie and the database's schema (with what its upgrades compute): every chunk that reads storage
 * imports them, and left to the common-chunk inlining below each small one carried its own copy
 * (a 3-line count was 4 KB gz). Only these modules: their other imports stay where they were
 * (`includeDependenciesRecursively`), or Home's first scripts, and its first look at a used
 * library (db/first-look-read.ts), would wait for Dexie.
 */
const STORAGE_MODULES = /node_modules[\\/]dexie[\\/]|src[\\/]db[\\/]database\.ts$/;

/**
 * `<semver>+<build stamp>`: every build is a distinct, ordered version, so a page or worker that hears
 * from a newer peer knows it is the outdated one (src/domain/worker-protocol.ts). NM_BUILD_STAMP pins
 * it for reproducible builds.
 */
const buildStamp = process.env.NM_BUILD_STAMP ?? new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const appVersion = `${pkg.version}+${buildStamp}`;

export default defineConfig({
  define: { __APP_VERSION__: JSON.stringify(appVersion) },
  build: {
    target: 'es2022',
    // Every browser the app runs in preloads modules itself; older ones just do not preload.
    modulePreload: { polyfill: false },
    sourcemap: false,
    rolldownOptions: {
      // Every lazy page and on-use loader made its own small shared chunks: 90 scripts, many under
      // 1 KB, and a page asked for ~30 before its text showed. Over HTTP/1.1 (`npm start`, and
      // Lighthouse's model of it) that is six connections and a round trip each, so shared code under
      // 16 KB of source is copied into the chunks that use it instead (52 scripts; Reader LCP
      // ~300 ms sooner, Home ~100 ms; ~10 KB gz more over Home's whole load). It needs the entry's
      // exports left free and runs modules in source order (rolldown turns strictExecutionOrder on).
      preserveEntrySignatures: false,
      output: {
        codeSplitting: {
          experimentalInlineCommonChunks: { maxSize: 16 * 1024 },
          // What every page runs first, in one request instead of four: over HTTP/1.1 (six
          // connections) the first scripts are the first paint's critical path (ARCHITECTURE,
          // "Home's top in the HTML").
          groups: [
            { name: 'boot', test: BOOT_MODULES },
            { name: 'storage', test: STORAGE_MODULES, includeDependenciesRecursively: false },
          ],
        },
      },
    },
  },
  // `vite preview` serves like a production host: the CSP header on every response, /sw.js included
  // (the worker is not covered by index.html's meta tag). The dev server is left alone: its HMR
  // client needs what a production page must not allow.
  preview: { port: 4173, strictPort: true, headers: { ...SECURITY_HEADERS } },
  plugins: [
    ...prerenderShell(),
    preloadAppShell(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/sw',
      filename: 'sw.ts',
      // The page registers the worker itself through workbox-window (src/app/sw-bridge.ts) so it can
      // offer "Reload to update" instead of swapping versions silently.
      injectRegister: false,
      registerType: 'prompt',
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,png,svg,webmanifest}'],
        // The prerendered first screens are for a first visit's network load; the worker answers
        // every navigation with app.html, so caching them would only cost the install its bytes.
        globIgnores: ['library.html', 'story/**'],
        // A classic worker: module service workers are still missing in some browsers learners use.
        rollupFormat: 'iife',
        // A second minifier over the worker's minified output: terser finds ~2.5 KB gz more (see
        // scripts/build/repack-worker.ts), and the worker's budget (130 KB gz, issue 12) is what every
        // feature that runs in the background has to fit in.
        buildPlugins: { vite: [repackWorker()] },
      },
      manifest: {
        name: 'Nihongo Monogatari 日本語物語',
        short_name: 'Monogatari',
        description: 'Graded Japanese stories with furigana, translations, narration and quizzes.',
        lang: 'ja',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: '#b23a48',
        background_color: '#fbf8f3',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
    }),
  ],
});
