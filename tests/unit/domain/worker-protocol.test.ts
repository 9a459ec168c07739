import { describe, expect, it } from 'vitest';
import { compareVersions, isAppMessage, isNewerVersion, MESSAGE_TYPES } from '../../../src/domain/worker-protocol';

describe('app versions between page and worker', () => {
  it('orders builds by version, then by build stamp', () => {
    expect(isNewerVersion('0.1.0+20261202000000', '0.1.0+20261201235959')).toBe(true);
    expect(isNewerVersion('0.2.0+20260101000000', '0.1.9+20261231000000')).toBe(true);
    expect(isNewerVersion('0.1.0+20261201000000', '0.1.0+20261201000000')).toBe(false);
    expect(isNewerVersion('0.1.0+20261201000000', '0.1.0+20261202000000')).toBe(false);
    expect(compareVersions('1.10.0+1', '1.9.0+1')).toBeGreaterThan(0);
  });

  it('treats an unreadable version (an old build without a stamp) as older, never newer', () => {
    expect(isNewerVersion('0.1.0', '0.1.0+20261201000000')).toBe(false);
    expect(isNewerVersion('garbage', '0.1.0+1')).toBe(false);
    expect(isNewerVersion('0.1.0+20261201000000', '0.1.0')).toBe(true);
  });

  it('accepts only known message types that carry a version', () => {
    expect(isAppMessage({ type: MESSAGE_TYPES.drainQueue, version: '0.1.0+1' })).toBe(true);
    expect(isAppMessage({ type: MESSAGE_TYPES.drainQueue })).toBe(false);
    expect(isAppMessage({ type: 'nm:cancel-job', version: '0.1.0+1' })).toBe(false);
    expect(isAppMessage(null)).toBe(false);
  });
});
