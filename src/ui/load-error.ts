import { html, type TemplateResult } from 'lit';
import { codeDidNotLoad } from '../app/code-download';

/**
 * What a page shows instead of its content when it cannot get it: a read from IndexedDB that failed,
 * or a page's code that did not download. Said plainly, announced (role="alert"), with a retry and a
 * reload; never a "not found" that would tell the learner their story is gone. The details go to
 * Diagnostics (the controller and the shell record them), not onto the learner's screen.
 */

/** What readFailure needs of a LiveQueryController (of any value type). */
export interface FailableQuery {
  readonly error: unknown;
  refresh(): void;
}

export interface LoadErrorOptions {
  /** One or two plain sentences: what could not be shown and the likely reason. */
  message: string;
  retry: () => void;
}

/** The error box with "Try again" and "Reload the app". */
export function loadErrorView({ message, retry }: LoadErrorOptions): TemplateResult {
  return html`<div class="card load-error" role="alert">
    <p>${message}</p>
    <div class="load-error-actions">
      <button type="button" class="primary" @click=${retry}>Try again</button>
      <button type="button" @click=${() => window.location.reload()}>Reload the app</button>
    </div>
    <p class="muted">If it keeps happening, <a href="/diagnostics">Diagnostics</a> shows what went wrong.</p>
  </div>`;
}

/**
 * The error box if any of `controllers` failed, else null. `what` names what the page could not
 * read ("this story", "your library"); "Try again" re-runs every failed query.
 */
export function readFailure(what: string, ...controllers: readonly FailableQuery[]): TemplateResult | null {
  const failed = controllers.filter((c) => c.error !== undefined);
  if (!failed.length) return null;
  // Storage's code downloads on demand (after Home's first look): a dropped connection then is
  // not the storage's fault, and only a reload fetches that code again.
  if (failed.some((c) => codeDidNotLoad(c.error))) {
    return loadErrorView({
      message: `Sorry, the app could not show ${what}: part of its code did not finish downloading. Check your connection, then try again.`,
      retry: () => window.location.reload(),
    });
  }
  return loadErrorView({
    message: `Sorry, the app could not read ${what} from this device’s storage just now. This is usually brief: the browser may be busy or short of space.`,
    retry: () => {
      for (const c of failed) c.refresh();
    },
  });
}
