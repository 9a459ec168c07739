/**
 * When the page's database (Dexie) is open and seeded. Home's first paint comes from a plain
 * IndexedDB look (db/first-look.ts) before Dexie has even downloaded; live queries wait for this,
 * so none reads a library the samples are not in yet, and none pulls Dexie into that first paint.
 * The shell's elements can upgrade as soon as its module runs (the prerendered header is already in
 * the page), so the bootstrap holds the queries before it imports the shell.
 *
 * Outside the bootstrap (tests, the worker) nothing holds them: storage is ready at once.
 */
let ready: Promise<void> = Promise.resolve();

/** Holds every live query until the returned function is handed the opening of storage, and it settled. */
export function holdLiveQueries(): (opening: Promise<unknown>) => void {
  let release: (opening: Promise<unknown>) => void = () => undefined;
  // A failed open is shown by the bootstrap; the queries then run and report their own error.
  ready = new Promise<void>((resolve) => {
    release = (opening) => resolve(opening.then(() => undefined, () => undefined));
  });
  return release;
}

export function storageReady(): Promise<void> {
  return ready;
}
