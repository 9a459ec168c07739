import { css, html, LitElement, type PropertyValues, type TemplateResult, unsafeCSS } from 'lit';
import { parseRoute, ROUTE_CHANGED, type Route } from '../app/router';
import { canInstall, INSTALL_AVAILABLE, promptInstall } from '../app/install-prompt';
import { reportPageFault } from '../app/error-handlers';
import { whenPageShown } from '../app/first-paint';
import { applyUpdate, UPDATE_AVAILABLE } from '../app/update-event';
import { quickToggleTheme, showingDark, THEME_APPLIED } from '../app/theme';
import { loadErrorView } from './load-error';
import { NAV, pageTitle } from './app-nav';
import { PrerenderedFirstScreen } from './prerendered-first-screen';
import { sharedStyles } from './shared-styles';
import { BRAND, SHELL_LAYOUT_CSS, THEME_ICON_PATH, THEME_LABEL } from './shell-header';
import { startStoryFinishedToasts } from './story-finished-toast';
import './jobs-badge';
import './pages/home-page';

export { loadFailedJobs } from './pages/home-page';

/** Pages other than Home load on first visit, keeping the first route's JavaScript small. */
export const PAGE_LOADERS: Record<Exclude<Route['name'], 'home'>, () => Promise<unknown>> = {
  library: () => import('./pages/library-page'),
  story: () => import('./pages/reader-page'),
  queue: () => import('./pages/queue-page'),
  kana: () => import('./pages/kana-page'),
  review: () => import('./pages/review-page'),
  settings: () => import('./pages/settings-page'),
  diagnostics: () => import('./pages/diagnostics-page'),
  stats: () => import('./pages/stats-page'),
  'not-found': () => import('./pages/not-found-page'),
};

/** The element each loader defines: once defined, its page needs no "Loading…". */
const PAGE_TAGS: Record<keyof typeof PAGE_LOADERS, string> = {
  library: 'nm-library-page',
  story: 'nm-reader-page',
  queue: 'nm-queue-page',
  kana: 'nm-kana-page',
  review: 'nm-review-page',
  settings: 'nm-settings-page',
  diagnostics: 'nm-diagnostics-page',
  stats: 'nm-stats-page',
  'not-found': 'nm-not-found-page',
};


/**
 * `<nm-app>`: header navigation (with the live count of active jobs), the current page, the update prompt.
 * "Install app" sits in the footer, not the header: the browser offers it when it likes, often after
 * the header painted, and a button arriving there would move the header and the page under it.
 */
export class NmApp extends LitElement {
  static override properties = {
    route: { state: true },
    updateReady: { state: true },
    installable: { state: true },
    pageFailed: { state: true },
    pageLoading: { state: true },
    dark: { state: true },
  };
  /** What the screen shows now (the quick toggle's state), whatever setting made it so. */
  declare dark: boolean;
  declare route: Route;
  /** The route whose page code failed to download; it gets an error with a retry, not "not found". */
  declare pageFailed: Route | null;
  /** The route whose page code is still downloading (a slow network): it shows "Loading…". */
  declare pageLoading: Route | null;
  declare updateReady: boolean;
  declare installable: boolean;

  static override styles = [
    sharedStyles,
    unsafeCSS(SHELL_LAYOUT_CSS),
    css`
      footer .install { margin-left: 1rem; }
      /* Out of the flow: a page that draws while this is still up starts where it stays, and the
         placeholder going away moves nothing. */
      .page-loading { position: absolute; }
      :host([data-prerendered]) > :not(slot) { display: none; }
      .toast { position: fixed; bottom: 1rem; left: 50%; transform: translateX(-50%); width: min(30rem, calc(100% - 1.5rem)); display: flex; gap: 0.75rem; align-items: center; justify-content: space-between; box-shadow: 0 4px 16px rgb(0 0 0 / 0.25); }
    `,
  ];

  constructor() {
    super();
    this.route = parseRoute(location.pathname);
    this.updateReady = false;
    this.installable = canInstall();
    this.pageFailed = null;
    this.pageLoading = null;
    this.dark = showingDark();
  }

  private stopWatchingStories: (() => void) | undefined;

  private readonly onThemeApplied = () => {
    this.dark = showingDark();
  };

  private toggleTheme(): void {
    // The settings' code (and Dexie) comes with the click, not with the first route.
    import('../app/preferences')
      .then((m) => m.updatePreferences({ theme: quickToggleTheme(showingDark()) }))
      .catch((error: unknown) => reportPageFault('switching the theme', error));
  }

  /** The HTML's prerendered first screen, kept on screen until the page has drawn its own. */
  private readonly firstScreen = new PrerenderedFirstScreen(this);

  private readonly onRoute = () => {
    this.firstScreen.reveal(true);
    this.route = parseRoute(location.pathname);
  };
  private readonly onInstallable = () => {
    this.installable = canInstall();
  };
  private readonly onUpdate = () => {
    this.updateReady = true;
  };

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener(ROUTE_CHANGED, this.onRoute);
    window.addEventListener(UPDATE_AVAILABLE, this.onUpdate);
    window.addEventListener(INSTALL_AVAILABLE, this.onInstallable);
    window.addEventListener(THEME_APPLIED, this.onThemeApplied);
    this.stopWatchingStories ??= startStoryFinishedToasts(() => this.route);
    // The due count arrives once the page's content is on screen, in a chunk of its own: the first
    // route stays as small, and its request does not share the link with what the page is drawing.
    const loadBadge = () => void import('./review-badge').catch((error: unknown) => reportPageFault('loading the review count', error));
    void whenPageShown().then(() => {
      if ('requestIdleCallback' in window) requestIdleCallback(loadBadge, { timeout: 2_000 });
      else setTimeout(loadBadge, 500);
    });
  }

  override disconnectedCallback(): void {
    window.removeEventListener(ROUTE_CHANGED, this.onRoute);
    window.removeEventListener(UPDATE_AVAILABLE, this.onUpdate);
    window.removeEventListener(INSTALL_AVAILABLE, this.onInstallable);
    window.removeEventListener(THEME_APPLIED, this.onThemeApplied);
    this.stopWatchingStories?.();
    this.stopWatchingStories = undefined;
    super.disconnectedCallback();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('route')) this.loadPage();
  }

  /**
   * Fetches the current page's chunk. A failure (offline before the chunk was cached, or chunks
   * deleted by an update while this tab stayed open) is not "not found": the page says the code did
   * not load and offers to try again or reload into the current version.
   */
  private loadPage(retrying = false): void {
    const route = this.route;
    this.pageFailed = null;
    this.pageLoading = null;
    if (route.name === 'home') return;
    // A page whose code is already here renders at once; only a chunk still on its way shows "Loading…".
    if (!customElements.get(PAGE_TAGS[route.name])) this.pageLoading = route;
    PAGE_LOADERS[route.name]()
      .catch((error: unknown) => {
        if (this.route !== route) return;
        // Chromium (150 here) remembers a chunk that failed to load and answers the same import
        // with the same failure, without fetching again: a retry that fails reloads the app.
        if (retrying) return location.reload();
        reportPageFault(`loading the ${route.name} page`, error);
        this.pageFailed = route;
        // The page will never say it is drawn: its error shows now, not after the copy's fallback.
        this.firstScreen.reveal();
      })
      .finally(() => {
        if (this.pageLoading === route) this.pageLoading = null;
      });
  }

  protected override updated(): void {
    document.title = `${pageTitle(this.route)} · Nihongo Monogatari`;
  }

  override render(): TemplateResult {
    return html`<slot></slot>
      <header>
        <div class="bar">
          <a class="brand" href="/">${BRAND.text} <span lang="ja">${BRAND.jp}</span></a>
          <nav aria-label="Main">
            <ul>
              ${NAV.map(
                (item) => html`<li>
                  <a href=${item.href} aria-current=${item.route === this.route.name ? 'page' : 'false'}>
                    ${item.label}${item.route === 'queue' ? html`<nm-jobs-badge></nm-jobs-badge>` : item.route === 'review' ? html`<nm-review-badge></nm-review-badge>` : null}
                  </a>
                </li>`,
              )}
            </ul>
          </nav>
          <div class="end">
            <button class="theme" aria-pressed=${this.dark ? 'true' : 'false'} aria-label=${THEME_LABEL}
              title=${this.dark ? 'Dark theme is on: switch to light' : 'Switch to the dark theme'} @click=${() => this.toggleTheme()}>
              <svg viewBox="0 0 24 24" aria-hidden="true"><path d=${THEME_ICON_PATH}></path></svg>
            </button>
          </div>
        </div>
      </header>
      <main id="main">${this.renderPage()}</main>
      <footer class="muted">
        <a href="/diagnostics">Diagnostics</a>
        ${this.installable ? html`<button class="install" @click=${() => void promptInstall()}>Install app</button>` : null}
      </footer>
      ${this.updateReady
        ? html`<div class="toast card" role="status">
            <span>A new version of the app is ready.</span>
            <button class="primary" @click=${() => void applyUpdate()}>Reload to update</button>
          </div>`
        : null}
    `;
  }

  /** While the page's code loads, a busy placeholder, so a slow network does not show an empty page. */
  private renderPage(): TemplateResult {
    return html`${this.pageLoading === this.route
      ? html`<p class="muted page-loading" role="status" aria-busy="true">Loading…</p>`
      : null}${this.renderRoute()}`;
  }

  private renderRoute(): TemplateResult {
    const r = this.route;
    if (this.pageFailed === r) {
      return html`<h1>This page did not load</h1>${loadErrorView({
        message: 'Sorry, the app could not load this page. This happens when the connection drops before the page was saved for offline use, or when the app was updated while this tab was open.',
        retry: () => this.loadPage(true),
      })}`;
    }
    switch (r.name) {
      case 'home': return html`<nm-home-page></nm-home-page>`;
      case 'library': return html`<nm-library-page></nm-library-page>`;
      case 'story': return html`<nm-reader-page .storyId=${r.id}></nm-reader-page>`;
      case 'queue': return html`<nm-queue-page></nm-queue-page>`;
      case 'kana': return html`<nm-kana-page></nm-kana-page>`;
      case 'review': return html`<nm-review-page></nm-review-page>`;
      case 'settings': return html`<nm-settings-page></nm-settings-page>`;
      case 'diagnostics': return html`<nm-diagnostics-page></nm-diagnostics-page>`;
      case 'stats': return html`<nm-stats-page></nm-stats-page>`;
      case 'not-found': return html`<nm-not-found-page .path=${r.path}></nm-not-found-page>`;
    }
  }
}


/** Called by the bootstrap once the database is ready, so the first paint already shows the library. */
export function defineAppShell(): void {
  if (!customElements.get('nm-app')) customElements.define('nm-app', NmApp);
}
declare global {
  interface HTMLElementTagNameMap { 'nm-app': NmApp }
}
