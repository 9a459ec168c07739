import { describe, expect, it } from 'vitest';
import { useE2eApp } from '../support/e2e-app';
import { waitForServiceWorker } from '../support/e2e-helpers';

/**
 * `/robots.txt` is a text file for crawlers, not an app URL: the host serves it as text, and once the
 * service worker controls the origin its navigation fallback (index.html for every app URL) leaves it
 * alone. Answered with the app's HTML, crawlers read garbage and Lighthouse's SEO audit fails.
 */
const app = useE2eApp();

describe('robots.txt', () => {
  it('is served as plain text by the host', async () => {
    const response = await fetch(`${app.server.url}/robots.txt`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await response.text()).toMatch(/^User-agent: \*$/m);
  });

  it('opens as text, not as the app, when the service worker is in control', async () => {
    await app.page.goto(`${app.server.url}/`);
    await waitForServiceWorker(app.page);
    await app.page.goto(`${app.server.url}/robots.txt`);
    const shown = await app.page.evaluate(() => ({ type: document.contentType, text: document.body.textContent }));
    expect(shown.type).toBe('text/plain');
    expect(shown.text).toMatch(/^User-agent: \*$/m);
  });
});
