import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** Each test gets its own copy of the module: "shown" happens once per page. */
async function freshModule(): Promise<typeof import('../../../src/app/first-paint')> {
  vi.resetModules();
  return import('../../../src/app/first-paint');
}

describe('whenPageShown', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('holds the chores until the page says its content is shown', async () => {
    const { pageShown, whenPageShown } = await freshModule();
    let released = false;
    void whenPageShown().then(() => {
      released = true;
    });
    await vi.advanceTimersByTimeAsync(1000);
    expect(released).toBe(false);
    pageShown();
    await vi.advanceTimersByTimeAsync(1);
    expect(released).toBe(true);
  });

  it('releases them anyway after a few seconds when no page says so', async () => {
    const { whenPageShown } = await freshModule();
    let released = false;
    void whenPageShown().then(() => {
      released = true;
    });
    await vi.advanceTimersByTimeAsync(2900);
    expect(released).toBe(false);
    await vi.advanceTimersByTimeAsync(200);
    expect(released).toBe(true);
  });

  it('lets a later caller through at once once the page was shown', async () => {
    const { pageShown, whenPageShown } = await freshModule();
    pageShown();
    pageShown();
    let released = false;
    void whenPageShown().then(() => {
      released = true;
    });
    await vi.advanceTimersByTimeAsync(1);
    expect(released).toBe(true);
  });
});
