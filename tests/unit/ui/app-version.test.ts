import { describe, expect, it } from 'vitest';
import { readableVersion } from '../../../src/ui/settings/app-version';

describe('readableVersion', () => {
  it('says the semver and when the build was made', () => {
    expect(readableVersion('0.3.1+20261202022019')).toBe('0.3.1, built 2026-12-02 02:20 UTC');
  });

  it('shows a stamp of another shape as it is, and a bare semver alone', () => {
    expect(readableVersion('1.0.0+ci-42')).toBe('1.0.0, build ci-42');
    expect(readableVersion('1.0.0')).toBe('1.0.0');
  });
});
