import { describe, expect, it } from 'vitest';
import { EPOCH, laterStamp, pageQuery, pullFrom, timestampMicros } from '../../../src/sync/watermark';

describe('server stamps', () => {
  it('keeps microseconds that a JS Date drops', () => {
    const a = '2026-11-28T10:00:00.123456+00:00';
    const b = '2026-11-28T10:00:00.123457+00:00';
    expect(Date.parse(a)).toBe(Date.parse(b));
    expect(timestampMicros(b) - timestampMicros(a)).toBe(1);
    expect(laterStamp(a, b)).toBe(b);
    expect(laterStamp(b, a)).toBe(b);
  });

  it('compares across zones and precisions, and treats null as never', () => {
    expect(timestampMicros('2026-11-28T11:00:00.5+01:00')).toBe(timestampMicros('2026-11-28T10:00:00.500000+00:00'));
    expect(laterStamp(null, '2026-01-01T00:00:00+00:00')).toBe('2026-01-01T00:00:00+00:00');
    expect(laterStamp('2026-01-01T00:00:00+00:00', null)).toBe('2026-01-01T00:00:00+00:00');
  });
});

describe('where a pull starts', () => {
  it('from the beginning without a watermark, else the overlap before it (rounded down)', () => {
    expect(pullFrom(null)).toBe(EPOCH);
    expect(pullFrom('2026-11-28T10:01:00.999999+00:00', 60_000)).toBe('2026-11-28T10:00:00.999Z');
    expect(pullFrom('1970-01-01T00:00:30+00:00', 60_000)).toBe(EPOCH);
  });

  it('pages by (updated_at, key) with quoted values after the first page', () => {
    expect(pageQuery(EPOCH, null, 'id', 250)).toEqual([
      ['select', '*'],
      ['updated_at', `gt.${EPOCH}`],
      ['order', 'updated_at.asc,id.asc'],
      ['limit', '250'],
    ]);
    const next = new Map(pageQuery(EPOCH, { updatedAt: '2026-11-28T10:00:00.1+00:00', key: 'k' }, 'story_id', 10));
    expect(next.get('or')).toBe('(updated_at.gt."2026-11-28T10:00:00.1+00:00",and(updated_at.eq."2026-11-28T10:00:00.1+00:00",story_id.gt."k"))');
  });
});
