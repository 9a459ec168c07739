import type { Plugin } from 'vite';
import { sharedStyles } from '../../src/ui/shared-styles';
import { SHELL_LAYOUT_CSS, staticShellMarkup } from '../../src/ui/shell-header';

/**
 * Prerenders the app's header into index.html at build time, from the same source the live shell
 * renders (src/ui/shell-header.ts, src/ui/shared-styles.ts), so the first paint needs no script and
 * cannot drift from the real layout. The markup sits in `<nm-app>`'s light DOM: once the element is
 * defined its shadow root takes over and these children are no longer rendered. The styles are
 * nested under `nm-app:not(:defined)`, so they stop applying at that same moment.
 */
const PLACEHOLDER = '<nm-app></nm-app>';

export function prerenderShell(): Plugin {
  return {
    name: 'nm-prerender-shell',
    transformIndexHtml: {
      order: 'pre',
      handler(html) {
        if (!html.includes(PLACEHOLDER)) throw new Error(`prerenderShell: index.html has no ${PLACEHOLDER}`);
        const styles = `<style>\n      nm-app { display: block; }\n      nm-app:not(:defined) {${sharedStyles.cssText}${SHELL_LAYOUT_CSS}}\n    </style>`;
        return html.replace('</head>', `  ${styles}\n  </head>`).replace(PLACEHOLDER, `<nm-app>${staticShellMarkup()}</nm-app>`);
      },
    },
  };
}
