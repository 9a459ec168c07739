/**
 * The app's Content-Security-Policy, in one place: index.html carries it as a meta tag (checked
 * against this file by tests/unit/domain/csp.test.ts), and every server we control sends it as a
 * header (`vite preview` in vite.config.ts, the e2e server in tests/support/app-server.ts, and the
 * static-host snippet in README.md "Hosting"). The header matters most for `/sw.js`: a meta tag
 * governs only its document, and the service worker is what calls Gemini and Supabase with the key.
 *
 * Why each directive (see docs/ARCHITECTURE.md "Trust boundaries"):
 * - `script-src 'self'`: no inline script and no eval; every script is a built file from this origin.
 * - `style-src 'self' 'unsafe-inline'`: index.html has one inline style block (the theme colours,
 *   so the first paint is right) and the storage-error notice sets a style attribute. Styles cannot
 *   run script, and connect/img limits bound what a stray style could load.
 * - `connect-src 'self' https: http://localhost:* http://127.0.0.1:*`: the Gemini endpoint and the
 *   Supabase project are the learner's choice (any https origin); plain http only for a local server.
 * - `img-src` / `media-src` allow `blob:`: stored pictures and narration are shown from object URLs.
 * - `object-src 'none'`, `base-uri 'none'`, `form-action 'self'`: no plugins, no <base> hijack of
 *   relative URLs, no form posting elsewhere.
 * - `frame-ancestors 'none'` works only as a header (browsers ignore it in a meta tag), so only the
 *   header form carries it.
 */

const DIRECTIVES: readonly (readonly [string, string])[] = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self' 'unsafe-inline'"],
  ['img-src', "'self' blob: data:"],
  ['media-src', "'self' blob:"],
  ['connect-src', "'self' https: http://localhost:* http://127.0.0.1:*"],
  ['worker-src', "'self'"],
  ['manifest-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'self'"],
];

/** Directives a meta tag cannot carry (the browser ignores them there and warns). */
const HEADER_ONLY: readonly (readonly [string, string])[] = [['frame-ancestors', "'none'"]];

function serialize(directives: readonly (readonly [string, string])[]): string {
  return directives.map(([name, value]) => `${name} ${value}`).join('; ');
}

/** The policy for index.html's `<meta http-equiv="Content-Security-Policy">`. */
export const CSP_META = serialize(DIRECTIVES);

/** The policy as a `Content-Security-Policy` response header (for HTML and for `/sw.js`). */
export const CSP_HEADER = serialize([...DIRECTIVES, ...HEADER_ONLY]);

/**
 * Headers a host should send with every response, `/sw.js` included. No Referrer-Policy on purpose:
 * a Gemini key may be restricted to the app's referrer, and stripping it would break such keys.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CSP_HEADER,
  'X-Content-Type-Options': 'nosniff',
};
