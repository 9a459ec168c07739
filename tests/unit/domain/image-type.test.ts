import { describe, expect, it } from 'vitest';
import { describeImageBytes, isStorableImageType, sniffImageType } from '../../../src/domain/image-type';
import { IMAGE_PNG } from '../../support/fake-gemini';

const bytes = (...values: number[]) => new Uint8Array(values);
const text = (s: string) => new TextEncoder().encode(s);

describe('sniffImageType', () => {
  it('knows PNG, JPEG and WebP by their magic numbers', () => {
    expect(sniffImageType(IMAGE_PNG)).toBe('image/png');
    expect(sniffImageType(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46))).toBe('image/jpeg');
    expect(sniffImageType(text('RIFF\u0024\u0000\u0000\u0000WEBPVP8 '))).toBe('image/webp');
  });

  it('refuses everything else, script-carrying formats first of all', () => {
    for (const other of [
      text('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
      text('<?xml version="1.0"?><svg/>'),
      text('<!DOCTYPE html><script>alert(1)</script>'),
      text('GIF89a'),
      text('RIFF\u0024\u0000\u0000\u0000WAVEfmt '),
      bytes(0x89, 0x50, 0x4e, 0x47), // a PNG signature cut short
      bytes(),
    ]) {
      expect(sniffImageType(other)).toBeUndefined();
    }
  });

  it('never trusts a prefix that only looks right further in', () => {
    expect(sniffImageType(new Uint8Array([0x20, ...IMAGE_PNG]))).toBeUndefined();
  });
});

describe('describeImageBytes and isStorableImageType', () => {
  it('names what was refused, for the failure message', () => {
    expect(describeImageBytes(text('  <svg/>'))).toBe('SVG');
    expect(describeImageBytes(text('<?xml version="1.0"?>\n<svg/>'))).toBe('SVG');
    expect(describeImageBytes(text('<!doctype html><p>'))).toBe('HTML');
    expect(describeImageBytes(text('GIF89a'))).toBe('GIF');
    expect(describeImageBytes(bytes(1, 2, 3))).toBe('an unknown format');
  });

  it('accepts only the three stored types as a blob type', () => {
    expect(['image/png', 'image/jpeg', 'image/webp'].every(isStorableImageType)).toBe(true);
    expect(['image/svg+xml', 'text/html', '', 'image/PNG', 'image/gif'].some(isStorableImageType)).toBe(false);
  });
});
