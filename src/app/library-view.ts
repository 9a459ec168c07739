/**
 * How the Library lays out its cards: a grid of cards or a compact list. A preference of this
 * screen on this device (a phone and a desktop may well differ), so it lives in localStorage, not
 * in the synced Settings row. Storage that throws (blocked, some private modes) means "grid".
 */
export const LIBRARY_VIEWS = ['grid', 'list'] as const;
export type LibraryView = (typeof LIBRARY_VIEWS)[number];

const STORAGE_KEY = 'nm-library-view';

export function loadLibraryView(storage: Pick<Storage, 'getItem'> | null = safeStorage()): LibraryView {
  try {
    return storage?.getItem(STORAGE_KEY) === 'list' ? 'list' : 'grid';
  } catch {
    return 'grid';
  }
}

export function saveLibraryView(view: LibraryView, storage: Pick<Storage, 'setItem'> | null = safeStorage()): void {
  try {
    storage?.setItem(STORAGE_KEY, view);
  } catch {
    // Not remembered on this device; the choice still applies until the page is left.
  }
}

function safeStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
