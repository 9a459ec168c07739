import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { describe, expect, it, vi } from 'vitest';
import { readFaults } from '../../../src/db/fault-log';
import { LiveQueryController } from '../../../src/ui/live-query-controller';
import { useTestDb } from '../../support/test-db';

const db = useTestDb();

/** Just enough of a lit host: it collects controllers and counts update requests. */
function fakeHost(): ReactiveControllerHost & { localName: string; connect(): void; updates: number } {
  const controllers: ReactiveController[] = [];
  return {
    localName: 'nm-test-page',
    updates: 0,
    addController: (c) => void controllers.push(c),
    removeController: () => undefined,
    requestUpdate() {
      this.updates++;
    },
    updateComplete: Promise.resolve(true),
    connect() {
      for (const c of controllers) c.hostConnected?.();
    },
  };
}

describe('LiveQueryController', () => {
  it('keeps a failed read as an error (not an empty value), records it, and recovers on refresh', async () => {
    const host = fakeHost();
    let fail = true;
    const controller = new LiveQueryController(host, async () => {
      const count = await db().stories.count();
      if (fail) throw new Error('storage said no');
      return count;
    });
    host.connect();
    await vi.waitFor(() => expect(controller.loaded).toBe(true));
    expect(controller.error).toBeInstanceOf(Error);
    expect(controller.value).toBeUndefined();
    await vi.waitFor(async () => expect((await readFaults()).map((f) => [f.where, f.message])).toEqual([['nm-test-page reading storage', 'storage said no']]));

    fail = false;
    controller.refresh();
    expect(controller.error).toBeUndefined();
    expect(controller.loaded).toBe(false);
    await vi.waitFor(() => expect(controller.value).toBe(0));
    expect(controller.error).toBeUndefined();
    controller.hostDisconnected();
  });
});
