/** Where the build writes the install manifest (vite-plugin-pwa's default file name). */
export const MANIFEST_HREF = '/manifest.webmanifest';

/**
 * Links the install manifest once the page's content is on screen. It describes installing the
 * app (name, icons, colours) and nothing on the page needs it to draw; linked from the HTML it was
 * fetched beside the first scripts and, finishing before the first paint, held up the shell's
 * chunk in Lighthouse's model of the load (six connections). The browser reads a manifest linked
 * later just the same ("Install app" still appears once the worker is there).
 */
export function linkManifest(href: string = MANIFEST_HREF): void {
  if (document.head.querySelector('link[rel="manifest"]')) return;
  const link = document.createElement('link');
  link.rel = 'manifest';
  link.href = href;
  document.head.append(link);
}
