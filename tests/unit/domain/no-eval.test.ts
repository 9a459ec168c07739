import { expect, it, vi } from 'vitest';

type ZodGlobal = { __zod_globalConfig?: { jitless?: boolean } };

// Its own file: zod must not have been loaded in this process before no-eval runs, as in the app.
it('zod adopts the configuration no-eval sets before zod loads (jitless: no eval probe), and sees it changed in place later', async () => {
  await import('../../../src/domain/no-eval');
  const { z } = await import('zod');
  expect(z.config().jitless).toBe(true);
  expect(z.config()).toBe((globalThis as ZodGlobal).__zod_globalConfig);

  // Something turning it off again is undone when no-eval runs again (the SW and the page each run it once).
  z.config({ jitless: false });
  vi.resetModules();
  await import('../../../src/domain/no-eval');
  expect(z.config().jitless).toBe(true);
});
