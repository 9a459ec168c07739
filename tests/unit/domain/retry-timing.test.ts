import { describe, expect, it } from 'vitest';
import {
  honourServerHint,
  jitteredBackoff,
  longWaitInWords,
  MAX_SERVER_WAIT_MS,
  parseRetryAfter,
  parseRetryDelay,
  retryTiming,
} from '../../../src/domain/retry-timing';

const opts = (r: number) => ({ baseMs: 1000, maxMs: 60_000, random: () => r });

describe('jitteredBackoff (exponential, equal jitter)', () => {
  it('stays exactly within [ceiling/2, ceiling) for each retry, rounded down', () => {
    const ceilings = [1000, 2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000];
    ceilings.forEach((ceiling, index) => {
      const retry = index + 1;
      expect(jitteredBackoff(retry, opts(0))).toBe(ceiling / 2);
      expect(jitteredBackoff(retry, opts(0.5))).toBe(ceiling * 0.75);
      expect(jitteredBackoff(retry, opts(0.999_999))).toBe(ceiling - 1);
    });
    // Rounding is down, never to the nearest: 0.9999 of 333 ms is 332, not 333.
    expect(jitteredBackoff(1, { baseMs: 333, maxMs: 1000, random: () => 0.9999 })).toBe(332);
  });

  it('caps at maxMs for huge retry numbers and treats retry 0 like 1', () => {
    expect(jitteredBackoff(1000, opts(0.5))).toBe(45_000);
    expect(jitteredBackoff(0, opts(0))).toBe(500);
  });

  it('clamps a misbehaving random source into the window', () => {
    expect(jitteredBackoff(1, opts(-3))).toBe(500);
    expect(jitteredBackoff(1, opts(7))).toBe(1000);
  });
});

describe("the server's hint", () => {
  it('is never undercut, even above the backoff ceiling: the server knows its quota window', () => {
    expect(retryTiming(1, 26_000, opts(0.5))).toEqual({ kind: 'wait', delayMs: 26_000 });
    expect(retryTiming(1, 100, opts(0.5))).toEqual({ kind: 'wait', delayMs: 750 });
    expect(retryTiming(1, null, opts(0.5))).toEqual({ kind: 'wait', delayMs: 750 });
    expect(retryTiming(1, 120_000, opts(0.5))).toEqual({ kind: 'wait', delayMs: 120_000 });
  });

  it('asking for more than an hour gives the attempt up instead of parking it', () => {
    expect(honourServerHint(0, MAX_SERVER_WAIT_MS)).toEqual({ kind: 'wait', delayMs: MAX_SERVER_WAIT_MS });
    expect(honourServerHint(0, MAX_SERVER_WAIT_MS + 1)).toEqual({ kind: 'too-long', askedMs: MAX_SERVER_WAIT_MS + 1 });
    expect(retryTiming(3, 20 * 3_600_000, opts(0))).toEqual({ kind: 'too-long', askedMs: 20 * 3_600_000 });
    expect(longWaitInWords(20 * 3_600_000)).toBe('about 20 h');
    expect(longWaitInWords(MAX_SERVER_WAIT_MS + 1)).toBe('about 1 h');
  });
});

describe('parsing hints', () => {
  it('reads RetryInfo durations', () => {
    expect(parseRetryDelay('26s')).toBe(26_000);
    expect(parseRetryDelay('1.5s')).toBe(1_500);
    expect(parseRetryDelay('0.250s')).toBe(250);
    expect(parseRetryDelay('soon')).toBeUndefined();
    expect(parseRetryDelay(5)).toBeUndefined();
  });

  it('reads Retry-After seconds and HTTP dates (a past date means now)', () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 3 ', now)).toBe(3_000);
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Tue, 31 Dec 2024 00:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('later', now)).toBeUndefined();
    expect(parseRetryAfter('', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});
