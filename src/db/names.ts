/** The database name devtools shows; never change it (it would orphan every learner's library). */
export const DB_NAME = 'nihongo-monogatari';

/**
 * The newest schema version in database.ts (DB_VERSIONS), here so code that must not load Dexie
 * (the first look, first-look.ts) knows which database it can read as it is. Dexie stores version
 * n as IndexedDB version n × 10. tests/unit/db/first-look.test.ts holds the two equal.
 */
export const LATEST_DB_VERSION = 8;

/** `syncState` key set once the bundled samples went in (app/seed.ts); the first look reads it too. */
export const SAMPLES_SEEDED_KEY = 'samples-seeded';
