import { afterEach, describe, expect, it, vi } from 'vitest';
import { applyAppearance, quickToggleTheme, showingDark, THEME_APPLIED } from '../../../src/app/theme';

/** The unit suite runs in node: a document with just what applyAppearance touches. */
function fakeDocument(): Document {
  return { documentElement: { dataset: {} }, querySelector: () => null } as unknown as Document;
}

function fakeWindow(prefersDark: boolean): EventTarget {
  const win = new EventTarget() as EventTarget & { matchMedia: (q: string) => { matches: boolean } };
  win.matchMedia = (query) => ({ matches: prefersDark && query.includes('dark') });
  vi.stubGlobal('window', win);
  return win;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('quick theme toggle', () => {
  it('from "system" picks the opposite of what the device shows', () => {
    const doc = fakeDocument();
    fakeWindow(true);
    applyAppearance({ theme: 'system', fontSize: 'medium' }, doc);
    expect(showingDark(doc)).toBe(true);
    expect(quickToggleTheme(showingDark(doc))).toBe('light');

    fakeWindow(false);
    applyAppearance({ theme: 'system', fontSize: 'medium' }, doc);
    expect(showingDark(doc)).toBe(false);
    expect(quickToggleTheme(showingDark(doc))).toBe('dark');
  });

  it('tells listeners each time a theme is applied, so the header shows the current state', () => {
    const doc = fakeDocument();
    const win = fakeWindow(false);
    const heard = vi.fn();
    win.addEventListener(THEME_APPLIED, heard);
    applyAppearance({ theme: 'dark', fontSize: 'medium' }, doc);
    expect(heard).toHaveBeenCalledTimes(1);
    expect(showingDark(doc)).toBe(true);
  });
});
