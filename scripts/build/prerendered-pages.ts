import { render } from '@lit-labs/ssr';
import { collectResultSync } from '@lit-labs/ssr/lib/render-result.js';
import type { TemplateResult } from 'lit';
import { samplesOnly } from '../../src/app/first-look';
import type { Route } from '../../src/app/router';
import { NO_CARD_FACTS } from '../../src/domain/card-facts';
import { DEFAULT_LIBRARY_QUERY } from '../../src/domain/library-query';
import { SAMPLE_STORIES } from '../../src/domain/samples/sample-stories';
import { homeStyles } from '../../src/ui/pages/home-styles';
import { renderPrerenderedHomeTop } from '../../src/ui/pages/home-write';
import { firstVisitReader, readerPageStyles } from './prerendered-reader';
import { LIBRARY_PAGE_SIZE, renderLibraryScreen } from '../../src/ui/pages/library-screen';
import { libraryStyles } from '../../src/ui/pages/library-styles';

/** A part of a page with its own shadow root live, and so its own styles: `:host` is the part's box. */
export interface ScopedStyles {
  /** A class on the part's stand-in element in the prerendered copy (the page's is `nm-page`;
   *  every other stand-in also has `nm-part`, where the styles of the part around it stop). */
  part: string;
  css: string;
}

/** One page the build writes with a route's first screen in it, as a first visit sees it. */
export interface PrerenderedPage {
  fileName: string;
  /** The route it is for: its header link is marked current and its title set, as the live shell does. */
  route: Route;
  /** Its URL path, where the host serves this page. */
  path: string;
  content: TemplateResult;
  styles: ScopedStyles[];
}

/** lit's server output without its hydration markers: this copy is never hydrated, only replaced. */
export function staticMarkup(template: TemplateResult): string {
  return collectResultSync(render(template)).replace(/<!--[\s\S]*?-->|<\?>/g, '');
}

/**
 * The first screens the build prerenders: each route's largest text, so that paint needs no
 * script. Only what a first visit sees goes in (constants and the bundled samples); a returning
 * learner's pages come from the service worker (app.html), drawn from their own storage.
 */
export function prerenderedPages(): PrerenderedPage[] {
  const samples = samplesOnly(SAMPLE_STORIES, LIBRARY_PAGE_SIZE).recent;
  return [
    { fileName: 'index.html', route: { name: 'home' }, path: '/', content: renderPrerenderedHomeTop(), styles: [{ part: 'nm-page', css: homeStyles.cssText }] },
    {
      fileName: 'library.html',
      route: { name: 'library' },
      path: '/library',
      content: renderLibraryScreen({
        query: DEFAULT_LIBRARY_QUERY,
        view: 'grid',
        results: { items: samples, matching: samples.length, total: samples.length },
        shown: LIBRARY_PAGE_SIZE,
        facts: NO_CARD_FACTS,
      }),
      styles: [{ part: 'nm-page', css: libraryStyles.cssText }],
    },
    ...SAMPLE_STORIES.map((story): PrerenderedPage => ({
      fileName: `story/${story.id}.html`,
      route: { name: 'story', id: story.id },
      path: `/story/${story.id}`,
      content: firstVisitReader(story),
      styles: readerPageStyles(),
    })),
  ];
}
