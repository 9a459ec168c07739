import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NihongoDb, setDbForTests } from '../../../src/db/database';
import { FAULT_LOG_KEY, FAULT_LOG_SIZE, readFaults, recordFault, resetFaultRepeatGuard, uncaughtErrorPlace } from '../../../src/db/fault-log';
import { mintFakeGoogleKey } from '../../support/fake-key';
import { testDbName, useTestDb } from '../../support/test-db';

const db = useTestDb();

beforeEach(() => resetFaultRepeatGuard());
afterEach(() => vi.restoreAllMocks());

describe('fault log', () => {
  it('keeps the newest faults first, with context, place and message', async () => {
    await recordFault('page', 'queue watcher', new TypeError('x is undefined'));
    await recordFault('worker', 'unhandled promise rejection', 'plain text reason');
    const faults = await readFaults();
    expect(faults.map((f) => [f.context, f.where, f.message])).toEqual([
      ['worker', 'unhandled promise rejection', 'plain text reason'],
      ['page', 'queue watcher', 'TypeError: x is undefined'],
    ]);
    expect(faults[0]!.at).toBeGreaterThanOrEqual(faults[1]!.at);
  });

  it(`keeps only the newest ${FAULT_LOG_SIZE}`, async () => {
    for (let i = 0; i < FAULT_LOG_SIZE + 5; i++) await recordFault('page', 'loop', new Error(`fault ${i}`));
    const faults = await readFaults();
    expect(faults).toHaveLength(FAULT_LOG_SIZE);
    expect(faults[0]!.message).toBe(`fault ${FAULT_LOG_SIZE + 4}`);
    expect(faults.at(-1)!.message).toBe('fault 5');
  });

  it('cuts secrets out of the message before storing it', async () => {
    const key = mintFakeGoogleKey();
    await recordFault('worker', 'sync', new Error(`GET /v1/models?key=${key} failed (Bearer abc.def.ghi)`));
    const stored = JSON.stringify((await db().syncState.get(FAULT_LOG_KEY))?.value);
    expect(stored).not.toContain(key);
    expect(stored).not.toContain('abc.def.ghi');
    expect(stored).toContain('[redacted]');
  });

  it('writes the same fault repeating in a loop once, a different one again', async () => {
    for (let i = 0; i < 5; i++) await recordFault('page', 'render', new Error('same'));
    await recordFault('page', 'render', new Error('different'));
    expect((await readFaults()).map((f) => f.message)).toEqual(['different', 'same']);
  });

  it('shortens long messages and describes values that are not errors', async () => {
    await recordFault('page', 'a', 'x'.repeat(2000));
    await recordFault('page', 'b', { code: 42 });
    await recordFault('page', 'c', undefined);
    const [c, b, a] = await readFaults();
    expect(a!.message.length).toBeLessThanOrEqual(400);
    expect(a!.message.endsWith('…')).toBe(true);
    expect(b!.message).toBe('{"code":42}');
    expect(c!.message).toBe('undefined');
  });

  it('never throws, even when storage is what failed', async () => {
    const broken = new NihongoDb(testDbName());
    broken.close();
    setDbForTests(broken);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await expect(recordFault('page', 'x', new Error('boom'))).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalledOnce();
  });

  it('ignores a malformed row instead of failing to read', async () => {
    await db().syncState.put({ key: FAULT_LOG_KEY, value: [{ at: 'yesterday' }, null, { at: 1, context: 'page', where: 'w', message: 'm' }] });
    expect(await readFaults()).toEqual([{ at: 1, context: 'page', where: 'w', message: 'm' }]);
    await db().syncState.put({ key: FAULT_LOG_KEY, value: 'not a list' });
    expect(await readFaults()).toEqual([]);
  });

  it('names the file and line of an uncaught error, without the query string', () => {
    expect(uncaughtErrorPlace({ filename: 'https://app.test/assets/main-abc.js?v=2', lineno: 12 })).toBe('uncaught error (main-abc.js:12)');
    expect(uncaughtErrorPlace({})).toBe('uncaught error');
  });
});
