import { describe, expect, it } from 'vitest';
import { countOf, formatBytes, plural, requestCount } from '../../../src/domain/format';

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [1023, '1023 B'],
    [1024, '1 KB'],
    [1536, '1.5 KB'],
    [150 * 1024, '150 KB'],
    [10 * 1024 * 1024, '10 MB'],
    [2.25 * 1024 ** 3, '2.3 GB'],
    [3 * 1024 ** 4, '3 TB'],
    [-5, '0 B'],
    [Number.NaN, '0 B'],
    [Number.POSITIVE_INFINITY, '0 B'],
  ])('%d bytes → %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});

describe('plurals', () => {
  it('uses the singular for exactly one, the plural otherwise (zero included)', () => {
    expect(plural(1, 'job')).toBe('job');
    expect(plural(0, 'job')).toBe('jobs');
    expect(plural(2, 'job')).toBe('jobs');
  });

  it('takes an irregular plural', () => {
    expect(plural(1, 'was', 'were')).toBe('was');
    expect(plural(5, 'was', 'were')).toBe('were');
    expect(countOf(1, 'story', 'stories')).toBe('1 story');
    expect(countOf(12, 'story', 'stories')).toBe('12 stories');
  });

  it('counts requests', () => {
    expect(requestCount(0)).toBe('0 requests');
    expect(requestCount(1)).toBe('1 request');
    expect(requestCount(20)).toBe('20 requests');
  });
});
