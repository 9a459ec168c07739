import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Connect, Plugin } from 'vite';
import { MANIFEST_HREF } from '../../src/app/manifest-link';
import { pageTitle } from '../../src/ui/app-nav';
import { sharedStyles } from '../../src/ui/shared-styles';
import { SHELL_LAYOUT_CSS, staticShellMarkup } from '../../src/ui/shell-header';
import { type PrerenderedPage, prerenderedPages, type ScopedStyles, staticMarkup } from './prerendered-pages';

/**
 * Prerenders the app's header into the HTML at build time, from the same source the live shell
 * renders (src/ui/shell-header.ts, src/ui/shared-styles.ts), so the first paint needs no script and
 * cannot drift from the real layout. The markup sits in `<nm-app>`'s light DOM, and its styles are
 * scoped to it: once the element is defined its shadow root shows this copy through a slot until
 * the live page has drawn (src/ui/prerendered-first-screen.ts), then removes it.
 *
 * The build writes one page per prerendered first screen (prerendered-pages.ts: `index.html` for
 * `/` with Home's top, `library.html`), each with that route's content in `<main>`, rendered by
 * lit's own server renderer from the templates the live pages use. `app.html` is the page with an
 * empty `<main>`: what every other app URL falls back to, and what the service worker answers
 * every navigation with (a returning learner's pages are drawn from their own storage).
 */
const PLACEHOLDER = '<nm-app></nm-app>';
const SHELL = /<nm-app>[\s\S]*<\/nm-app>/;
/** The page app URLs without a prerendered page fall back to (hosts, `vite preview`, the service worker). */
export const SHELL_PAGE = 'app.html';

/**
 * The live page's shadow roots, as scopes: the shell's layout stops at the page's stand-in, and each
 * part's styles apply inside its own stand-in only (`:host` being that stand-in), as they do live.
 */
function shellStyles(): string {
  const shared = sharedStyles.cssText.replaceAll(':host', ':scope');
  // A browser without @scope would paint the copy unstyled: there it stays hidden, and the shell
  // (which does not hold it there, prerendered-first-screen.ts) draws as it did before any copy.
  const hiddenWithoutScope = 'nm-app > * { visibility: hidden; }\n@scope (nm-app) { :scope > * { visibility: visible; } }';
  return `nm-app { display: block; }\n${hiddenWithoutScope}\n@scope (nm-app) {${shared}}\n@scope (nm-app) to (.nm-page) {${SHELL_LAYOUT_CSS}}`;
}

function partStyles(styles: readonly ScopedStyles[]): string {
  return styles.map(({ part, css }) => `@scope (nm-app .${part}) to (:scope .nm-part) {${css.replaceAll(':host', ':scope')}}`).join('\n');
}

function withPage(html: string, page: PrerenderedPage | null): string {
  if (!SHELL.test(html)) throw new Error('prerenderShell: the built page lost its prerendered <nm-app>');
  // The path it is a copy of: the shell keeps it up only while that is still where the learner is.
  const main = page ? `<div class="nm-page" data-path="${page.path}">${staticMarkup(page.content)}</div>` : '';
  const shell = `<nm-app>${staticShellMarkup(main, page?.route.name)}</nm-app>`;
  if (!page) return html.replace(SHELL, shell);
  return html
    .replace(SHELL, shell)
    // `/` keeps the app's own name, what search results and a bookmark of the app show.
    .replace(/<title>[^<]*<\/title>/, (title) => (page.route.name === 'home' ? title : `<title>${pageTitle(page.route)} · Nihongo Monogatari</title>`))
    .replace('</head>', `  <style>\n${partStyles(page.styles)}\n    </style>\n  </head>`);
}

export function prerenderShell(): Plugin[] {
  return [
    {
      name: 'nm-prerender-shell',
      configurePreviewServer(server) {
        server.middlewares.use(fallBackToShellPage(resolve(server.config.root, server.config.build.outDir)));
      },
      transformIndexHtml: {
        order: 'pre',
        handler(html) {
          if (!html.includes(PLACEHOLDER)) throw new Error(`prerenderShell: index.html has no ${PLACEHOLDER}`);
          const styles = `<style>\n      ${shellStyles()}\n    </style>`;
          return html.replace('</head>', `  ${styles}\n  </head>`).replace(PLACEHOLDER, `<nm-app>${staticShellMarkup()}</nm-app>`);
        },
      },
    },
    {
      name: 'nm-shell-page',
      apply: 'build',
      enforce: 'post',
      generateBundle: {
        order: 'post',
        handler(_options, bundle) {
          const index = bundle['index.html'];
          if (index?.type !== 'asset') throw new Error('prerenderShell: the build wrote no index.html');
          const built = withoutManifestLink(String(index.source));
          for (const page of prerenderedPages()) {
            if (page.fileName === 'index.html') index.source = withPage(built, page);
            else this.emitFile({ type: 'asset', fileName: page.fileName, source: withPage(built, page) });
          }
          this.emitFile({ type: 'asset', fileName: SHELL_PAGE, source: withPage(built, null) });
        },
      },
    },
  ];
}

/** The page links the manifest itself once drawn (src/app/manifest-link.ts); the HTML does not. */
function withoutManifestLink(page: string): string {
  const link = `<link rel="manifest" href="${MANIFEST_HREF}">`;
  if (!page.includes(link)) throw new Error(`prerenderShell: the build no longer links ${MANIFEST_HREF}; keep src/app/manifest-link.ts equal to it`);
  return page.replace(link, '');
}

/**
 * `vite preview` as a host should be set up: `/` is index.html, an app URL with a prerendered page
 * gets it (`/library` → library.html, as static hosts' "clean URLs" do), every other app.html.
 */
function fallBackToShellPage(outDir: string): Connect.NextHandleFunction {
  return (req, _res, next) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const isAppUrl = req.method === 'GET' && path !== '/' && !/\.[a-z0-9]+$/i.test(path) && !existsSync(resolve(outDir, `.${path}`));
    if (isAppUrl && (req.headers.accept ?? '').includes('text/html')) {
      req.url = existsSync(resolve(outDir, `.${path}.html`)) ? `${path}.html` : `/${SHELL_PAGE}`;
    }
    next();
  };
}
