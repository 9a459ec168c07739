import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { render } from '@lit-labs/ssr';
import { collectResultSync } from '@lit-labs/ssr/lib/render-result.js';
import type { Connect, Plugin } from 'vite';
import { homeStyles } from '../../src/ui/pages/home-styles';
import { renderPrerenderedHomeTop } from '../../src/ui/pages/home-write';
import { sharedStyles } from '../../src/ui/shared-styles';
import { SHELL_LAYOUT_CSS, staticShellMarkup } from '../../src/ui/shell-header';

/**
 * Prerenders the app's header into the HTML at build time, from the same source the live shell
 * renders (src/ui/shell-header.ts, src/ui/shared-styles.ts), so the first paint needs no script and
 * cannot drift from the real layout. The markup sits in `<nm-app>`'s light DOM: once the element is
 * defined its shadow root takes over and these children are no longer rendered. The styles are
 * nested under `nm-app:not(:defined)`, so they stop applying at that same moment.
 *
 * The build writes two pages. `index.html`, what a host serves for `/`, also holds the top of Home
 * as a first visit sees it (home-write.ts, rendered by lit's own server renderer): it is the
 * largest text on that screen, so a first visit's largest paint needs no script either.
 * `app.html` is the same page without it: what every other app URL falls back to, and what the
 * service worker answers every navigation with (a returning learner's Home is drawn from storage).
 */
const PLACEHOLDER = '<nm-app></nm-app>';
const HOME_START = '<!--nm-home-->';
const HOME_END = '<!--/nm-home-->';
/** The page app URLs other than `/` fall back to (hosts, `vite preview`, the service worker). */
export const SHELL_PAGE = 'app.html';

/** lit's server output without its hydration markers: this copy is never hydrated, only replaced. */
function homeTopMarkup(): string {
  return collectResultSync(render(renderPrerenderedHomeTop())).replace(/<!--[\s\S]*?-->|<\?>/g, '');
}

export function prerenderShell(): Plugin[] {
  let building = false;
  return [
    {
      name: 'nm-prerender-shell',
      configResolved(config) {
        building = config.command === 'build';
      },
      configurePreviewServer(server) {
        server.middlewares.use(fallBackToShellPage(resolve(server.config.root, server.config.build.outDir)));
      },
      transformIndexHtml: {
        order: 'pre',
        handler(html) {
          if (!html.includes(PLACEHOLDER)) throw new Error(`prerenderShell: index.html has no ${PLACEHOLDER}`);
          // The dev server answers every URL with this one page, so only a build carries Home's top.
          const home = building ? `${HOME_START}${homeTopMarkup()}${HOME_END}` : '';
          const css = `${sharedStyles.cssText}${SHELL_LAYOUT_CSS}${building ? homeStyles.cssText : ''}`;
          const styles = `<style>\n      nm-app { display: block; }\n      nm-app:not(:defined) {${css}}\n    </style>`;
          return html.replace('</head>', `  ${styles}\n  </head>`).replace(PLACEHOLDER, `<nm-app>${staticShellMarkup(home)}</nm-app>`);
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
          const page = String(index.source);
          const start = page.indexOf(HOME_START);
          const end = page.indexOf(HOME_END);
          if (start < 0 || end < start) throw new Error("prerenderShell: index.html lost Home's prerendered top");
          index.source = page.replace(HOME_START, '').replace(HOME_END, '');
          this.emitFile({ type: 'asset', fileName: SHELL_PAGE, source: page.slice(0, start) + page.slice(end + HOME_END.length) });
        },
      },
    },
  ];
}

/** `vite preview` as a host should be set up: `/` is index.html, other app URLs get app.html. */
function fallBackToShellPage(outDir: string): Connect.NextHandleFunction {
  return (req, _res, next) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const isAppUrl = req.method === 'GET' && path !== '/' && !/\.[a-z0-9]+$/i.test(path) && !existsSync(resolve(outDir, `.${path}`));
    if (isAppUrl && (req.headers.accept ?? '').includes('text/html')) req.url = `/${SHELL_PAGE}`;
    next();
  };
}
