import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CSP_HEADER, CSP_META, SECURITY_HEADERS } from '../../../src/domain/csp';
import viteConfig from '../../../vite.config';

const ROOT = resolve(import.meta.dirname, '../../..');
const indexHtml = readFileSync(resolve(ROOT, 'index.html'), 'utf8');

/** The policy as directive name → source list. */
function directives(policy: string): Map<string, string> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name!, sources.join(' ')]),
  );
}

describe('the Content-Security-Policy', () => {
  it('forbids inline script, eval, plugins and <base>, and allows only what the app needs', () => {
    const meta = directives(CSP_META);
    expect(meta.get('script-src')).toBe("'self'");
    expect(CSP_HEADER).not.toMatch(/unsafe-eval|unsafe-inline'?\s*;?\s*$|strict-dynamic/);
    expect(meta.get('object-src')).toBe("'none'");
    expect(meta.get('base-uri')).toBe("'none'");
    expect(meta.get('connect-src')).toBe("'self' https: http://localhost:* http://127.0.0.1:*");
    expect(meta.get('img-src')).toContain('blob:');
    expect(meta.get('media-src')).toContain('blob:');
    // Header-only directive: browsers ignore it in a meta tag, so it goes only in the header.
    expect(meta.has('frame-ancestors')).toBe(false);
    expect(directives(CSP_HEADER).get('frame-ancestors')).toBe("'none'");
  });

  it('is the one index.html carries, and index.html has no inline script', () => {
    const tag = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(indexHtml);
    expect(tag?.[1]).toBe(CSP_META);
    expect(indexHtml.indexOf('Content-Security-Policy')).toBeLessThan(indexHtml.indexOf('<style>'));
    const scripts = indexHtml.match(/<script\b[^>]*>[\s\S]*?<\/script>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(script).toMatch(/^<script\b[^>]*\bsrc="[^"]+"[^>]*><\/script>$/);
  });

  it('is sent as a header by `vite preview`, for every file including /sw.js', () => {
    const config = viteConfig as { preview?: { headers?: Record<string, string> } };
    expect(config.preview?.headers).toEqual(SECURITY_HEADERS);
    expect(SECURITY_HEADERS['Content-Security-Policy']).toBe(CSP_HEADER);
  });

  it('is the header README "Hosting" tells static hosts to send', () => {
    const readme = readFileSync(resolve(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(`Content-Security-Policy: ${CSP_HEADER}\n`);
  });
});
