import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importEdges, layeringViolations, SRC, workerSideDoors } from '../../scripts/import-graph';

/** Code only, so a comment that mentions `window` does not count. */
const withoutComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');

describe('layers (DESIGN.md §1)', () => {
  it('imports flow one way between the folders of src/', () => {
    expect(importEdges().length).toBeGreaterThan(100);
    expect(layeringViolations()).toEqual([]);
  });

  it('the page talks to the service worker only through app/sw-bridge.ts', () => {
    expect(workerSideDoors()).toEqual([]);
  });

  it('a layering slip is caught', () => {
    const slip = { from: 'jobs', to: 'ai', file: 'jobs/runner.ts', specifier: '../ai/client' };
    expect(layeringViolations([slip])).toEqual([slip]);
  });

  it('src/sync runs in the page and in the worker: no window, document or worker registration', () => {
    const dir = join(SRC, 'sync');
    const offenders = readdirSync(dir)
      .filter((name) => name.endsWith('.ts'))
      .filter((name) => /\bwindow\b|\bdocument\b|navigator\.serviceWorker/.test(withoutComments(readFileSync(join(dir, name), 'utf8'))));
    expect(offenders).toEqual([]);
  });
});
