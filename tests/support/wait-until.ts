export interface WaitUntilOptions {
  /** How long the state may take to appear before the test fails (default 10 s). */
  timeoutMs?: number;
  /** What is awaited, for the failure message ("the story to reach the project"). */
  what?: string;
  /** How often `check` runs (default 50 ms); `check` itself may take longer (a page round trip). */
  intervalMs?: number;
}

/**
 * The one polling wait of the test kit: resolves as soon as `check` holds, fails with `what` when it
 * never does. Tests wait for observable state (a DOM node, a database row, a server's call count)
 * with this (or Playwright's own waits, `expect.poll`), never for a fixed time.
 */
export async function waitUntil(check: () => boolean | Promise<boolean>, options: WaitUntilOptions = {}): Promise<void> {
  const { timeoutMs = 10_000, what = 'the condition', intervalMs = 50 } = options;
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((ok) => setTimeout(ok, intervalMs));
  }
}
