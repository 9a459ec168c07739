/**
 * Whether `error` is the browser saying a script the app imports on demand did not download (the
 * connection dropped before it was saved for offline use). That is no storage fault, and retrying
 * the import does not help: Chromium remembers the failed module and answers the same import with
 * the same failure without fetching again, so the way back is a reload.
 */
export function codeDidNotLoad(error: unknown): boolean {
  // Chromium, Firefox and Safari word a failed dynamic import differently; all are TypeErrors.
  return error instanceof TypeError && /dynamically imported module|importing a module script failed/i.test(error.message);
}
