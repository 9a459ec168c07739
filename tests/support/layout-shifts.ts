import type { BrowserContext, Page } from 'playwright-core';

/**
 * Layout shifts as the browser scores them (CLS), recorded from before each document's first paint:
 * what moved, when, and by how much, so a failing stability check says what jumped.
 */
export interface Shift {
  value: number;
  at: number;
  sources: string[];
}

/** Every layout shift of each document, from before its first paint (set up ahead of any script). */
export async function recordShifts(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const seen: Shift[] = [];
    (window as unknown as { __nmShifts: Shift[] }).__nmShifts = seen;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean; sources?: Array<{ node?: Node; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }> }>) {
        if (e.hadRecentInput) continue;
        const sources = (e.sources ?? []).map((s) => `${s.node instanceof Element ? s.node.localName : String(s.node?.nodeName)} ${JSON.stringify(s.previousRect)}→${JSON.stringify(s.currentRect)}`);
        seen.push({ value: e.value, at: Math.round(e.startTime), sources });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/** Every shift so far in the page, and their sum (the cumulative layout shift), to 3 decimals. */
export async function shiftsSoFar(page: Page): Promise<{ total: number; shifts: Shift[] }> {
  const shifts = await page.evaluate(() => (window as unknown as { __nmShifts: Shift[] }).__nmShifts);
  return { total: Math.round(shifts.reduce((sum, s) => sum + s.value, 0) * 1000) / 1000, shifts };
}
